"""Questions, answers, stories, feedback rules and drill scheduling.

A domain package: it never imports Textual or pyttsx3. Functions take a
`sqlite_utils.Database` handed in by the caller; this package owns its tables
(see `schema.py`) but never opens a database itself.
"""
