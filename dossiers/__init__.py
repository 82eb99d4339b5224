"""Programs, interviews, checklists and impressions; CSV, iCalendar and Markdown.

A domain package: it never imports Textual. Functions take a `sqlite_utils.Database`
handed in by the caller; this package owns its tables (see `schema.py`).
"""
