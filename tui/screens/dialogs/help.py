"""The help screen: every key binding, grouped by where it works."""

from __future__ import annotations

from importlib import import_module

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

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
    """Every key, screen by screen. Escape, q or ? closes it."""

    HELP_TITLE = "Help"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "cancel", "Close", id="help.close"),
    ]
    TITLE = "Keys"
    SUB_TITLE = "escape closes"

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

    def _render_keys(self) -> Content:
        lines: list[Content] = []
        everywhere = [(s.key, f"Go to {s.label}: {s.description}") for s in SECTIONS]
        everywhere += self._binding_rows([b for b in self.app.BINDINGS
                                      if not str(getattr(b, "id", "")).startswith("section.")])
        everywhere += ALWAYS
        lines += self._group("Everywhere", everywhere)
        classes = [s.screen_class() for s in SECTIONS]
        for path in OTHER_SCREENS:
            module, _, name = path.partition(":")
            classes.append(getattr(import_module(module), name))
        for screen_class in classes:
            rows = self._binding_rows(list(getattr(screen_class, "BINDINGS", [])))
            if rows:
                lines += self._group(_title(screen_class), rows)
        return Content("\n").join(lines)
