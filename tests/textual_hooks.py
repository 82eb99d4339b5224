"""The tests' own changes to Textual, set up once per test process by tests/conftest.py: the
app never runs with them. Each reaches a private Textual name, as tui/textual_private.py's
functions do, and each has a test in tests/unit/test_textual_hooks.py that fails if a Textual
upgrade removes the name."""

from __future__ import annotations


def share_parsed_styles() -> None:
    """For the tests, which make hundreds of apps in one process: every Stylesheet reuses the
    rules any other parsed from the same source with the same variables (the app makes one App a
    process and never has this).

    Textual keeps parsed rules per Stylesheet (and `reparse` starts a new one): each app of a
    test parsed the same 130 sources again, a fifth of the CPU of starting an app in Pilot.
    The rules are read, never changed, once parsed; a source that fails to parse raises as
    before and is not kept.
    """
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    if getattr(parse_rules, "shared", False):
        return
    parsed: dict[tuple, list] = {}

    def shared(self: Stylesheet, css: str, read_from: tuple[str, str],
               is_default_rules: bool = False, tie_breaker: int = 0,
               scope: str = "") -> list:
        key = (css, read_from, is_default_rules, tie_breaker, scope,
               tuple(self._variables.items()))
        rules = parsed.get(key)
        if rules is None:
            rules = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
            parsed[key] = rules
        return rules

    shared.shared = True  # type: ignore[attr-defined]
    Stylesheet._parse_rules = shared  # type: ignore[method-assign]


def quicken_pilot_keys(window: float = 0.005) -> None:
    """For the tests: after each key it sends, Pilot waits twice until the process looks idle,
    judged over windows of 20 ms: at least 40 ms a key however little the key did (a test
    typing 200 characters slept 8 s). Here judged over windows of `window`, with the same
    share of CPU time that means "idle" (a twentieth). Only the keys' wait: Pilot's `pause()`
    keeps its own, and `press` still waits until every widget of the screen has handled what
    was queued."""
    import asyncio
    from time import monotonic, process_time

    import textual.app

    async def wait_for_idle(min_sleep: float = window, max_sleep: float = 1) -> None:
        start = monotonic()
        while True:
            cpu = process_time()
            await asyncio.sleep(window)
            cpu_elapsed = process_time() - cpu
            elapsed = monotonic() - start
            if elapsed >= max_sleep or (elapsed > min_sleep and cpu_elapsed < window / 20):
                break

    textual.app.wait_for_idle = wait_for_idle  # type: ignore[attr-defined]
