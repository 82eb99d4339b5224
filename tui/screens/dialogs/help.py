"""The help screen: the keys of the screen you are on first, then every key binding,
grouped by where it works."""

from __future__ import annotations

from importlib import import_module

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Static, TextArea

from tui.screens.dialogs.base import Dialog
from tui.sections import SECTIONS

# Screens that are not sections but have keys of their own ("module:Class").
OTHER_SCREENS: list[str] = [
    "tui.screens.dialogs.question_form:QuestionForm",
    "tui.screens.dialogs.profile_form:ProfileDialog",
    "tui.screens.dossier:DossierScreen",
    "tui.widgets.item_table:ItemTable",
    "tui.screens.checklist:ChecklistScreen",
    "tui.screens.rank:RankScreen",
    "tui.screens.answer_editor:AnswerEditor",
    "tui.screens.dialogs.answer_history:AnswerHistory",
    "tui.screens.dialogs.answer_versions:AnswerVersions",
    "tui.screens.dialogs.story_picker:StoryPicker",
    "tui.screens.dialogs.story_form:StoryForm",
    "tui.screens.dialogs.question_picker:QuestionPicker",
    "tui.screens.dialogs.answer_options:StructureDialog",
    "tui.screens.dialogs.answer_options:PaceDialog",
    "tui.screens.dialogs.confirm:ConfirmDialog",
    "tui.screens.mock_run:MockRunScreen",
    "tui.screens.mock_review:MockReviewScreen",
    "tui.screens.drill:DrillScreen",
    "tui.screens.dialogs.story_plan_picker:StoryPlanPicker",
]

ALWAYS = [
    ("ctrl+p", "Command palette: find a question, a section or an action"),
    ("ctrl+q", "Quit (everything typed is saved first)"),
    ("tab / shift+tab", "Move between fields and panes"),
    ("escape", "Close a dialog, leave a field"),
]


def _title(screen_class: type) -> str:
    return getattr(screen_class, "HELP_TITLE", None) or screen_class.__name__


class HelpScreen(Dialog[None]):
    """The keys of the screen it was opened on (`here`, with the bindings active there),
    then every key, screen by screen. Escape, q or ? closes it."""

    HELP_TITLE = "Help"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "cancel", "Close", id="help.close"),
    ]
    TITLE = "Keys"
    SUB_TITLE = "escape closes"

    def __init__(self, here: type | None = None, active: list[Binding] | None = None, *,
                 typing: bool = False) -> None:
        super().__init__()
        self.here = here  # the class of the screen help was opened on
        self.active = active or []  # the bindings active there (its own, its focused widget's)
        self.typing = typing  # the focus was in a field that types digits

    def compose_body(self) -> ComposeResult:
        yield Static(self._render_keys(), id="help-keys")

    def on_mount(self) -> None:
        content = self.query_one("#dialog-content")
        content.can_focus = True  # nothing else to focus: the arrows and page keys scroll it
        content.focus()

    def _group(self, title: str, rows: list[tuple[str, str]]) -> list[Content]:
        lines = [Content.from_markup("\n[b $accent]$title[/]", title=title)]
        width = max((len(k) for k, _ in rows), default=0)
        for key, text in rows:
            lines.append(Content.from_markup("  [b]$key[/b]  $text", key=key.ljust(width),
                                             text=text))
        return lines

    def _binding_rows(self, bindings: list) -> list[tuple[str, str]]:
        rows: dict[str, list[str]] = {}
        for binding in Binding.make_bindings(bindings):
            if not binding.description:
                continue
            rows.setdefault(binding.description, []).append(self.app.get_key_display(binding))
        return [(" ".join(dict.fromkeys(keys)), text) for text, keys in rows.items()]

    def _here_rows(self) -> list[tuple[str, str]]:
        """The keys of the screen help was opened on: matchprep's own bindings (each has an
        id) active there, without the app's (listed under Everywhere), with what each does."""
        app_ids = {getattr(b, "id", None) for b in self.app.BINDINGS}
        rows: dict[str, tuple[list[str], str]] = {}
        for binding in self.active:
            if not binding.id or binding.id in app_ids or ".section." in binding.id \
                    or not binding.description:
                continue
            keys, _ = rows.setdefault(binding.id, ([], binding.description))
            keys.append(self.app.get_key_display(binding))
            text = binding.description + (f": {binding.tooltip}" if binding.tooltip else "")
            rows[binding.id] = (keys, text)
        return [(" ".join(dict.fromkeys(keys)), text) for keys, text in rows.values()]

    def _render_keys(self) -> Content:
        lines: list[Content] = []
        here = self._here_rows()
        if self.here is not None and here:
            lines += self._group(f"Here: {_title(self.here)}", here)
        app_keys = [b for b in self.app.BINDINGS
                    if not str(getattr(b, "id", "")).startswith("section.")]
        if self.typing:  # digits and ? type there: they are not keys here
            everywhere = [("ctrl+p", "Go to a section (here 1-7 type digits: leave the "
                                     "field first)"),
                          ("f1", "Help (here ? types a question mark)")]
            app_keys = [b for b in app_keys if getattr(b, "id", "") != "app.help"]
        else:
            everywhere = [(s.key, f"Go to {s.label}: {s.description}") for s in SECTIONS]
        everywhere += self._binding_rows(app_keys)
        everywhere += ALWAYS
        lines += self._group("Everywhere", everywhere)
        classes = [s.screen_class() for s in SECTIONS]
        for path in OTHER_SCREENS:
            module, _, name = path.partition(":")
            classes.append(getattr(import_module(module), name))
        for screen_class in classes:
            if screen_class is self.here and here:
                continue  # shown first
            rows = self._binding_rows(list(getattr(screen_class, "BINDINGS", [])))
            if rows:
                lines += self._group(_title(screen_class), rows)
        lines += self._group("The answer editor's feedback rules (by id)", feedback_rules_rows())
        return Content("\n").join(lines)


def feedback_rules_rows() -> list[tuple[str, str]]:
    """Each feedback rule's id with its title and why it matters: the panel shows the
    words, the ids are kept here for whoever wants to name a rule."""
    from question_bank.feedback import RULES

    return [(r.id, f"{r.title}: {r.explanation}") for r in RULES]


def typing_in(widget: object) -> bool:
    """Whether keys typed into `widget` (the focused one) are text: digits too."""
    return isinstance(widget, Input | TextArea)
