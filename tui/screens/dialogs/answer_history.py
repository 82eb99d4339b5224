"""An answer's history: every revision (when, how long), a diff against now, restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from question_bank.answers import Answer
from question_bank.revisions import Diff, Revision, diff_parts, list_revisions
from question_bank.structures import get_structure, words_phrase
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog

KINDS = {"created": "first saved", "edit": "edited", "restore": "restored"}


def when(stamp: str, now: datetime) -> str:
    """A revision's time in the user's zone, with how long ago: to the second within the
    last day, so two versions saved a minute apart never read the same."""
    moment = datetime.fromisoformat(stamp).astimezone(now.tzinfo)
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        ago = f"{seconds} s ago"
    elif seconds < 3600:
        ago = f"{seconds // 60} min {seconds % 60} s ago" if seconds < 600 \
            else f"{seconds // 60} min ago"
    elif seconds < 86400:
        ago = f"{seconds // 3600} h {seconds % 3600 // 60} min ago"
    else:
        return f"{moment:%a %d %b %H:%M} · {seconds // 86400} d ago"
    return f"{moment:%a %d %b %H:%M:%S} · {ago}"


def change_words(diff: Diff) -> str:
    """What changed since a version, said as a person would: "Since this version you cut
    100 words from Result." (never "+0 words, −100 words")."""
    if not diff.changed:
        return "Same as now."
    where = [p.label for p in diff.parts if p.changed]
    place = f" in {', '.join(where[:-1]) + ' and ' if len(where) > 1 else ''}{where[-1]}" \
        if where else ""
    added, removed = diff.added_words, diff.removed_words
    if added and removed:
        did = f"added {words_phrase(added)} and cut {words_phrase(removed)}"
    elif added:
        did = f"added {words_phrase(added)}"
    elif removed:
        did = f"cut {words_phrase(removed)}"
    else:
        did = "changed the structure"
        place = ""
    return (f"Since this version you {did}{place}. Restoring it takes that back; "
            "the text you have now stays in the history.")


def diff_content(diff: Diff) -> Content:
    """The diff as text: what changed in words, then the parts with added words underlined
    (and green), removed ones struck through (and red): a sign, not only a colour."""
    if not diff.changed:
        return Content("Same as now.")
    blocks = [Content(change_words(diff))]
    if diff.structure_from != diff.structure_to:
        blocks.append(Content(f"Structure then: {get_structure(diff.structure_from).label}; "
                              f"now: {get_structure(diff.structure_to).label}."))
    for part in diff.parts:
        pieces = [(text, {"same": "", "added": "$text-success underline",
                          "removed": "$text-error strike"}[tag]) for tag, text in part.ops]
        mark = "" if part.changed else " (unchanged)"
        blocks.append(Content.from_markup("\n[b]$label[/b]$mark", label=part.label, mark=mark))
        blocks.append(Content.assemble(*pieces))
    return Content("\n").join(blocks)


class AnswerHistory(Dialog[int | None]):
    """An answer's history"""

    HELP_TITLE = "Answer history"
    BINDINGS = [
        Binding("r", "restore", "Restore", id="history.restore",
                tooltip="Bring this version back (the current text stays in the history)"),
        Binding("escape", "cancel", "Close", id="history.close"),
    ]
    CONTENT = Horizontal
    FOOTER = True

    @dataclass
    class Loaded(Message):
        revisions: list[Revision]

    @dataclass
    class Compared(Message):
        revision_id: int
        diff: Diff

    def __init__(self, ctx: AppContext, answer: Answer) -> None:
        super().__init__()
        self.ctx = ctx
        self.answer = answer
        self.revisions: list[Revision] = []
        self.title = f"History of {answer.label}"

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="history-list")
        with VerticalScroll(id="history-diff", can_focus=True):
            yield Static(Content("Reading the history…"), id="history-text")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def load(self) -> None:
        with self.ctx.reader() as db:
            self.post_message(self.Loaded(list_revisions(db, self.answer.id)))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        self.revisions = event.revisions
        now = self.ctx.now()
        options = self.query_one("#history-list", OptionList)
        options.clear_options()
        for i, r in enumerate(self.revisions):
            extra = " · now" if i == 0 else ""
            options.add_option(Option(Content.from_markup(
                "[b]$when[/b]\n  [dim]$words · $kind$extra[/dim]",
                when=when(r.saved_at, now), words=words_phrase(r.words),
                kind=KINDS.get(r.kind, r.kind),
                extra=extra), id=str(r.id)))
        self.sub_title = f"{len(self.revisions)} versions · r restore · escape close"
        if self.revisions:
            options.highlighted = min(1, len(self.revisions) - 1)
        options.focus()

    @on(OptionList.OptionHighlighted, "#history-list")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        revision = self.revisions[event.option_index]
        self.compare(revision)

    @work(thread=True, exclusive=True, group="history-diff", exit_on_error=False)
    def compare(self, revision: Revision) -> None:
        diff = diff_parts(revision.parts, revision.structure, self.answer.parts,
                          self.answer.structure)
        self.post_message(self.Compared(revision.id, diff))

    @on(Compared)
    def compared(self, event: Compared) -> None:
        selected = self.selected()
        if selected is not None and selected.id == event.revision_id:
            self.query_one("#history-text", Static).update(diff_content(event.diff))

    def selected(self) -> Revision | None:
        index = self.query_one("#history-list", OptionList).highlighted
        return self.revisions[index] if index is not None and self.revisions else None

    @on(OptionList.OptionSelected, "#history-list")
    def action_restore(self) -> None:
        """Ask first: restoring replaces the text on screen (which the history keeps)."""
        from tui.screens.dialogs.confirm import ConfirmDialog

        revision = self.selected()
        if revision is None:
            return
        if revision is self.revisions[0]:
            self.notify("That is the text you have now.")
            return
        saved = when(revision.saved_at, self.ctx.now()).split(" · ")[0]

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(revision.id)

        self.app.push_screen(ConfirmDialog(
            f"Restore the version of {saved}?",
            "Your answer becomes that text. The text you have now stays in the history, "
            "first in this list: restore it to undo.", yes="Restore", no="Keep mine"), answered)
