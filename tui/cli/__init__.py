"""The command line of product.md §4. Never imports textual except to open the app."""
