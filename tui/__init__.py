"""matchprep's terminal app and command line: the only package that imports Textual."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked (--version, doctor,
    # backups): importlib.metadata is slow to import, and start-up does not need it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("matchprep")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+source"
    raise AttributeError(f"module 'tui' has no attribute {name!r}")
