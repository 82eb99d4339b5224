"""Small text helpers shared by the dossier modules: normalising names, joining lists."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def fold(text: str) -> str:
    """`text` for matching: no accents, no case, punctuation as spaces, spaces collapsed.

    "St. Luke's–Roosevelt" and "st lukes roosevelt" fold alike.
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("'", "").replace("’", ""))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", plain.casefold()).split())


def lines(text: str) -> list[str]:
    """The non-empty lines of `text`, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
