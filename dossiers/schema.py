"""The tables dossiers owns, as numbered migrations per component (see tui.storage)."""

from __future__ import annotations

COMPONENTS: list = []
