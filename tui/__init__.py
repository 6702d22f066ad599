"""Rebound: a terminal companion for a job search."""

__version__ = "0.1.0"
