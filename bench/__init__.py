"""The benchmark of product.md §6: ``python -m bench`` (see ``bench/RESULTS.md``).

Benchmarks are not tests: nothing under ``tests/`` asserts on time. Keep this file free of imports
so ``python -m bench.bare_app`` starts as lightly as a bare Textual app can.
"""
