"""Feedback beside the answer editor: each finding in words (the rule's title and what it
saw; the rule ids are for help and exports). Shown literally: the matched words are the
user's own text.

The rules run in a worker thread (`assess`); only the latest request's findings are shown."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from question_bank.feedback import RULES, FeedbackInput, Finding, assess, rule


def finding_content(finding: Finding) -> Content:
    title = rule(finding.rule).title
    lines = [
        Content.from_markup("[b $text-warning]▲ $title[/]", title=title),
        Content.from_markup("  $message", message=finding.message),
        Content.from_markup("  [dim]$why[/dim]", why=rule(finding.rule).explanation),
    ]
    if finding.matched:
        lines.append(Content.from_markup("  [dim]saw[/dim] $words",
                                         words=", ".join(finding.matched)))
    return Content("\n").join(lines)


class FeedbackPanel(VerticalScroll, can_focus=True):
    """The findings of the feedback rules: `assess(inp)` runs them, `show(findings)`
    replaces what is shown."""

    DEFAULT_CSS = """
    FeedbackPanel { padding: 0 1; }
    FeedbackPanel > #feedback-findings { height: auto; }
    FeedbackPanel > #feedback-rules { color: $text-muted; margin-top: 1; height: auto; }
    """

    @dataclass
    class Assessed(Message):
        """From the worker to the panel itself: the findings of request `generation`."""

        generation: int
        findings: list[Finding]
        written: bool

    generation = 0  # of the latest request

    def compose(self):
        yield Static(Content("Feedback appears as you write."), id="feedback-findings")
        yield Static(Content.from_markup("[b]Rules checked:[/b] $rules",
                                         rules=" · ".join(r.title for r in RULES)),
                     id="feedback-rules")

    def show(self, findings: list[Finding], *, written: bool) -> None:
        box = self.query_one("#feedback-findings", Static)
        if not written:
            box.update(Content("Feedback appears as you write."))
        elif not findings:
            box.update(Content.from_markup("[b $text-success]✓ No findings[/]: every rule "
                                           "passed."))
        else:
            box.update(Content("\n").join(finding_content(f) for f in findings))
        self.border_subtitle = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"

    def assess(self, inp: FeedbackInput, *, written: bool) -> None:
        """Run the rules on `inp` in a thread; show the findings unless a newer request came."""
        self.generation += 1
        self.assess_in_thread(self.generation, inp, written)

    @work(thread=True, exclusive=True, group="feedback", exit_on_error=False)
    def assess_in_thread(self, generation: int, inp: FeedbackInput, written: bool) -> None:
        self.post_message(self.Assessed(generation, assess(inp), written))

    @on(Assessed)
    def assessed(self, event: Assessed) -> None:
        event.stop()
        if event.generation == self.generation:
            self.show(event.findings, written=event.written)
