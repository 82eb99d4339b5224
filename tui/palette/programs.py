"""Command palette: open a program's dossier by any of its names, or start its program
round; set your time zone."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.context import app_context
from tui.messages import OpenProgram, StartMock

if TYPE_CHECKING:
    from dossiers.programs import Program


class ProgramCommands(Provider):
    """Every program, by its name or another name it goes by."""

    def _programs(self) -> list[Program]:
        from dossiers.programs import list_programs  # when the palette asks, not at start-up

        with app_context(self.app).reader() as db:
            return list_programs(db)

    def _zone(self) -> None:
        self.app.call_later(self._open_zone)

    async def _open_zone(self) -> None:
        if self.app.current_mode != "programs":
            await self.app.switch_mode("programs")
        while len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        await self.app.run_action("zone", self.app.screen)

    async def discover(self) -> Hits:
        yield DiscoveryHit("Set your time zone", self._zone,
                           help="Interview times are shown in the program's zone and yours")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        zone_text = "Set your time zone"
        score = matcher.match(zone_text)
        if score > 0:
            yield Hit(score, matcher.highlight(zone_text), self._zone,
                      help="Interview times are shown in the program's zone and yours")
        for program in await asyncio.to_thread(self._programs):
            names = [program.name, *program.aliases]
            best = max(names, key=matcher.match)
            score = matcher.match(best)
            if score > 0:
                yield Hit(score, Content(f"Dossier: {program.name}"),
                          partial(self.app.post_message, OpenProgram(program.id)),
                          text=f"Dossier: {program.name}",
                          help=f"also {best}" if best != program.name else program.place)
                yield Hit(score * 0.9, Content(f"Program round: {program.name}"),
                          partial(self.app.post_message, StartMock("program", program.name)),
                          text=f"Program round: {program.name}",
                          help="A mock interview drawn from this program's dossier")
