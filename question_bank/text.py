"""One rule for control characters, and text made literal in Markdown, for both domain packages.

Control characters (C0 but newline and tab, DEL, C1) are what a terminal obeys rather than
shows: `ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears it. Text that comes in
(an importer, a restore, a paste) is `cleaned`: line ends become "\\n" and every other
control character is dropped, counted so that the report can say so. Text that goes out
to a terminal and may still hold one (written before this rule, or by another program)
is made `inert`: each shows as a visible symbol instead.

`dossiers` imports this module too (pyproject.toml's independence contract allows it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# C0 controls but tab (\t) and newline (\n), DEL, and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_BUT_CR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)))
"""Every control character, newline and tab included: what the tests feed in."""


def without_controls(text: str) -> str:
    """`text` with the control characters `clean` drops, dropped, but line ends left as
    they are (for a stream read in pieces, where "\r\n" may be cut in two)."""
    return _CONTROL_BUT_CR.sub("", text)


def clean(text: str) -> tuple[str, int]:
    """Incoming text: "\\r\\n" and "\\r" made "\\n", every other control character but tab
    dropped. Returns the text and how many characters were dropped."""
    return _CONTROL.subn("", text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass
class Cleaning:
    """What `clean` dropped from the fields of an incoming file, and where: for its report."""

    places: list[tuple[str, int]] = field(default_factory=list)

    def take(self, text: str, where: str) -> str:
        """`text` cleaned; what was dropped is noted against `where` ("line 3, field 'text'")."""
        cleaned, dropped = clean(text)
        if dropped:
            self.places.append((where, dropped))
        return cleaned

    @property
    def total(self) -> int:
        return sum(count for _, count in self.places)

    def sentence(self) -> str:
        """"3 control characters were removed (line 2, field 'text': 3)." or ""."""
        if not self.places:
            return ""
        shown = "; ".join(f"{where}: {count}" for where, count in self.places[:5])
        if len(self.places) > 5:
            shown += f"; and {len(self.places) - 5} more places"
        many = "s were" if self.total != 1 else " was"
        return f"{self.total} control character{many} removed ({shown})."


def visible_symbol(char: str) -> str:
    """The character a terminal shows in place of a control character: ␛ for ESC (the
    U+2400 block for C0), ␡ for DEL, \ufffd for a C1 control."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def inert(text: str) -> str:
    """Text for a terminal: each control character but newline and tab shown as a symbol,
    so that nothing in it acts on the terminal."""
    return _CONTROL.sub(lambda m: visible_symbol(m.group()), text)


def inert_json(text: str) -> str:
    """JSON text for a terminal: the controls JSON leaves raw (DEL, C1) written as \\u
    escapes, which read back as the same characters."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Markdown -----------------------------------------------------------------------------

# Inline syntax: escaped wherever it stands (CommonMark lets any ASCII punctuation be
# escaped with a backslash, and the backslash then shows nothing).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&!])")
# What starts a block at the beginning of a line: a heading, a quote, a list item, a rule
# or a setext underline, a fence (its backticks are escaped as inline), a table row.
_BLOCK_START = re.compile(r"^([#>+\-=:])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
_LINE_END = re.compile(r"\r\n|\r|\n")


def markdown_literal(text: str) -> str:
    """User text as Markdown that shows exactly that text and can start no block of its
    own: no heading, list, quote, rule, table, code block, fence or HTML. Lines stay
    lines (joined as one paragraph unless a line is empty); leading spaces are dropped,
    since four of them would start a code block."""
    lines = []
    for line in _LINE_END.split(text or ""):
        line = _INLINE.sub(r"\\\1", line.lstrip(" \t"))
        line = _BLOCK_START.sub(r"\\\1", line)
        lines.append(_NUMBERED.sub(r"\1\\\2", line))
    return "\n".join(lines)
