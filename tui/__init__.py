"""matchprep's terminal app and command line: the only package that imports Textual."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("matchprep")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
