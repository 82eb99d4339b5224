"""Command palette: start a mock interview of any format, drill what is due, your profile."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class PracticeCommands(Provider):
    """Practice at once: a mock interview by format, the drill, the charts."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from question_bank.mock_formats import FORMATS  # when the palette asks, not at start-up

        # A program round needs a program: those commands are offered per program
        # (tui.palette.programs).
        commands = [(f"Start a mock interview: {fmt.label}", fmt.summary, f"start_mock('{fmt.id}')")
                    for fmt in FORMATS.values() if not fmt.needs_program]
        commands.append(("Drill what is due", "Due questions first, then new ones; rate each 1-4",
                         "drill"))
        commands.append(("Profile: who you are", "Decides which questions the drill and mock "
                         "interviews draw for you", "profile"))
        return commands

    async def discover(self) -> Hits:
        for text, help_text, action in self._commands():
            yield DiscoveryHit(text, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, action in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.app.run_action, action),
                          help=help_text)
