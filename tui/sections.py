"""The app's sections: one screen module each, reached by a number key or a click.

A section is added here in one line when it works; screens are imported only when
first shown, which keeps start-up quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    key: str
    label: str
    screen: str  # "module:Class"
    description: str

    def screen_class(self) -> type:
        module, _, name = self.screen.partition(":")
        return getattr(import_module(module), name)


# Keys are reserved so that parts built side by side do not collide:
# 1 home, 2 questions, 3 answers, 4 stories, 5 programs, 6 mock, 7 progress.
SECTIONS: tuple[Section, ...] = (
    Section("home", "1", "Home", "tui.screens.home:HomeScreen",
            "Where you stand and what to do next."),
    Section("questions", "2", "Questions", "tui.screens.questions:QuestionsScreen",
            "The question bank: browse, search, add, edit and hide questions."),
    Section("answers", "3", "Answers", "tui.screens.answers:AnswersScreen",
            "Every answer you wrote: search, sort, open one to edit."),
    Section("stories", "4", "Stories", "tui.screens.stories:StoriesScreen",
            "Your story bank, and which competencies still have no story."),
    Section("programs", "5", "Programs", "tui.screens.programs:ProgramsScreen",
            "Program dossiers, interview days across time zones, checklists, the rank list."),
    Section("mock", "6", "Mock", "tui.screens.mock:MockScreen",
            "Timed mock interviews read aloud, then a review; past sessions."),
    Section("progress", "7", "Progress", "tui.screens.progress:ProgressScreen",
            "Charts of your practice: per day, time against target, ratings over time."),
)


def section(section_id: str) -> Section:
    for s in SECTIONS:
        if s.id == section_id:
            return s
    raise KeyError(section_id)
