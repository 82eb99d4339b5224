"""Reusable widgets of the matchprep app."""
