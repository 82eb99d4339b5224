"""Storage: the database file, the writer thread, backups, files, paths, settings."""
