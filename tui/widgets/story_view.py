"""A story shown as text: title, where it comes from, what it shows, its STAR parts."""

from __future__ import annotations

from textual.content import Content

from question_bank.stories import EXPERIENCE_KINDS, STORY_PARTS, Story


def story_content(story: Story, labels: dict[str, str], *, note: str = "") -> Content:
    """The whole story, literally (titles and parts are the user's own words)."""
    kind = EXPERIENCE_KINDS.get(story.experience_kind, story.experience_kind)
    where = f"{kind}: {story.experience}" if story.experience else kind
    shows = ", ".join(labels.get(c, c) for c in story.competencies) or "no competency yet"
    lines = [
        Content.from_markup("[b]$title[/b]", title=story.title),
        Content.from_markup("[dim]$where · shows $shows[/dim]", where=where, shows=shows),
    ]
    if note:
        lines.append(Content.from_markup("[i]$note[/i]", note=note))
    for part in STORY_PARTS:
        text = story.parts.get(part.key, "").strip()
        lines.append(Content.from_markup("\n[b $text-accent]$label[/]", label=part.label))
        lines.append(Content(text) if text else Content.from_markup("[dim]empty[/dim]"))
    return Content("\n").join(lines)
