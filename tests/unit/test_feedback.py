"""Each feedback rule, with examples that must fire and examples that must not."""

from __future__ import annotations

import pytest

from question_bank.feedback import RULES, FeedbackInput, assess, rule


def run(parts, *, structure="outline", category="behavioral", tags=(), question="A question?",
        target=60, pace=140, programs=(), **signal):
    return assess(FeedbackInput(question, category, tuple(tags), structure, parts, target, pace,
                                tuple(programs), **signal))


def ids(findings) -> list[str]:
    return [f.rule for f in findings]


def fired(rule_id, findings):
    return [f for f in findings if f.rule == rule_id]


def test_every_rule_has_an_id_a_title_and_a_one_line_explanation():
    assert len({r.id for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.title and r.explanation and "\n" not in r.explanation
    assert rule("length.short").id == "length"


WORDS_140 = " ".join(["word"] * 140)


@pytest.mark.parametrize("words, target, expected", [
    (140, 60, []),                     # one minute at 140 wpm: on target
    (60, 60, ["length.short"]),        # about 26 s
    (200, 60, ["length.long"]),        # about 86 s
    (0, 60, []),                       # nothing written: nothing to say yet
])
def test_spoken_length_against_target(words, target, expected):
    findings = run({"outline": " ".join(["word"] * words)}, target=target)
    assert [r for r in ids(findings) if r.startswith("length")] == expected
    if expected:
        assert f"{words} words" in fired(expected[0], findings)[0].matched


def test_the_pace_changes_the_verdict():
    text = {"outline": " ".join(["word"] * 110)}
    assert "length.short" not in ids(run(text, target=60, pace=130))
    assert "length.short" in ids(run(text, target=60, pace=180))
    assert "length.long" in ids(run(text, target=40, pace=130))


@pytest.mark.parametrize("text, words", [
    ("Um, I was on call. Uh, it was late.", ["“Um”", "“Uh”"]),
    ("It was, like, a huge bleed.", ["“like”"]),
    ("I basically just called, you know.", ["“basically”", "“you know”"]),
    ("I actually kind of froze.", ["“actually”", "“kind of”"]),
    ("Umm, so, umm, yes.", ["“Umm” ×2"]),
])
def test_filler_words_fire_and_are_named(text, words):
    finding = fired("filler", run({"outline": text}))[0]
    assert list(finding.matched) == words


@pytest.mark.parametrize("text", [
    "I like reading chest films and I would like to train here.",
    "That kind of case is rare; this sort of error is common.",
    "The mass looks like a hamartoma.",
    "I want to make sure you know the result.",
    "The umbrella of mummy umami.",
])
def test_filler_words_that_are_not_fillers(text):
    assert fired("filler", run({"outline": text})) == []


def test_cliches_without_a_concrete_case_fire():
    finding = fired("cliche", run({"outline": "I like puzzles. I am a people person. And I "
                                              "have always wanted this."}))[0]
    assert finding.matched == ("“I like puzzles”", "“I am a people person”",
                               "“I have always wanted”")


@pytest.mark.parametrize("text", [
    "I like puzzles: on my ED rotation a CT changed the plan for a patient.",
    "I have always wanted to do this. For example, I read 300 films on my elective.",
    "Radiology interests me because imaging changes decisions.",
])
def test_cliches_next_to_a_concrete_case_do_not_fire(text):
    assert fired("cliche", run({"outline": text})) == []


@pytest.mark.parametrize("text", [
    "I am passionate about radiology.",
    "I'm passionate about imaging and I want to learn.",
    "I became passionate about diagnostic radiology. It just fits me. I like the field.",
])
def test_passionate_about_radiology_alone_is_a_cliche(text):
    [finding] = fired("cliche", run({"outline": text}))
    assert "passionate about" in finding.matched[0]


@pytest.mark.parametrize("text", [
    "I am passionate about radiology. On my elective a CT angiogram changed a plan at 3 a.m.",
    "I'm passionate about imaging. It started in my second year. For example, I read 200 "
    "chest films with an attending.",
])
def test_a_cliche_followed_by_a_concrete_case_in_the_next_sentences_does_not_fire(text):
    assert fired("cliche", run({"outline": text})) == []


def test_a_concrete_case_too_far_after_the_cliche_does_not_excuse_it():
    text = ("I am passionate about radiology. It fits me. I like the field. I enjoy it. "
            "On my elective a CT changed a plan.")
    assert fired("cliche", run({"outline": text}))


def test_apologetic_framing_on_img_and_red_flag_questions():
    text = {"statement": "Unfortunately I failed. Sorry. I was just an IMG student then.",
            "context": "I am only an IMG.", "changed": "", "result": ""}
    finding = fired("apologetic", run(text, structure="red_flag", category="red-flag"))[0]
    assert "“Unfortunately”" in finding.matched and "“Sorry”" in finding.matched
    assert any("just an" in m for m in finding.matched)
    img = run({"outline": "Unfortunately my school was abroad."}, category="img")
    assert fired("apologetic", img)


@pytest.mark.parametrize("text, category", [
    ("Unfortunately the scanner broke.", "behavioral"),      # not an IMG or red-flag question
    ("Just a few weeks later I retook it and passed.", "red-flag"),
    ("I took full ownership and passed with a 238.", "red-flag"),
])
def test_apologetic_framing_that_must_not_fire(text, category):
    assert fired("apologetic", run({"outline": text}, category=category)) == []


@pytest.mark.parametrize("text, words", [
    ("Studying abroad was a last resort for me.", "a last resort"),
    ("As a last resort I went to Dublin.", "As a last resort"),
    ("I couldn't get into a US school, so I left.", "couldn't get into"),
    ("I did not get in the first time I applied here.", "did not get in"),
    ("I didn’t get into medical school at home.", "didn’t get into"),
])
def test_last_resort_and_could_not_get_in_are_apologetic(text, words):
    [finding] = fired("apologetic", run({"outline": text}, category="img"))
    assert finding.matched == (f"“{words}”",)


@pytest.mark.parametrize("text", [
    "The resort town where I grew up had one CT scanner.",
    "I could not get the interpreter in time, so I used the phone line.",
])
def test_words_near_those_phrases_are_not_apologetic(text):
    assert fired("apologetic", run({"outline": text}, category="img")) == []


def test_empty_star_parts_fire_once_something_is_written():
    assert fired("part.empty", run({}, structure="star")) == []
    findings = fired("part.empty", run({"situation": "On call.", "action": "I paged."},
                                       structure="star"))
    assert [f.part for f in findings] == ["task", "result", "learned"]
    assert findings[0].matched == ("Task",)


@pytest.mark.parametrize("result, fires", [
    ("It went well.", True),
    ("Everyone was happy with it.", True),
    ("She was discharged on day 6.", False),
    ("Turnaround fell from 4 hours to 50 minutes.", False),
    ("The team adopted my checklist.", False),
])
def test_result_without_outcome_or_number(result, fires):
    parts = {"situation": "s", "task": "t", "action": "a", "result": result, "learned": "l"}
    found = fired("result.no-outcome", run(parts, structure="star"))
    assert bool(found) == fires
    if fires:
        assert found[0].part == "result" and result.split()[0] in found[0].matched[0]


@pytest.mark.parametrize("action, fires", [
    ("We called radiology, we got the CT, our team met and we decided.", True),
    ("I called radiology and we got the CT; I then told our team.", False),
    ("We called.", False),  # too little to judge
])
def test_action_that_says_we_far_more_than_i(action, fires):
    found = fired("action.we", run({"action": action}, structure="star"))
    assert bool(found) == fires
    if fires:
        assert found[0].matched == ("“We” ×3", "“our”", "“I” ×0")


def test_we_rule_reads_what_changed_in_a_red_flag_answer():
    found = fired("action.we", run({"changed": "We studied, we met, our group and we passed."},
                                   structure="red_flag", category="red-flag"))
    assert found and found[0].part == "changed"


GENERIC = ("Your program has a great reputation, strong teaching and diverse pathology, and "
           "the supportive environment would be a good fit for me and my goals.")


def test_why_this_program_with_nothing_specific_fires():
    found = fired("why-program.generic", run({"outline": GENERIC}, category="why",
                                             tags=["why-program"]))
    assert found and "“great reputation”" in found[0].matched


@pytest.mark.parametrize("text, programs", [
    ("I met Dr. Patel, whose prostate MRI work matches my research, and the residents run "
     "their own case conference.", ()),
    ("The 3T research scanner and two weeks of protected research time each year fit my "
     "plans for the next four years of training.", ()),
    (GENERIC + " lakeside is where I trained as a student.", ("Lakeside",)),
])
def test_why_this_program_with_specifics_does_not_fire(text, programs):
    found = fired("why-program.generic", run({"outline": text}, category="why",
                                             tags=["why-program"], programs=programs))
    assert found == []


def test_why_program_rule_only_on_why_program_questions():
    assert fired("why-program.generic", run({"outline": GENERIC}, category="intro")) == []
    by_text = run({"outline": GENERIC}, category="why", question="Why our program?")
    assert fired("why-program.generic", by_text)


def test_user_text_with_markup_and_emoji_is_matched_literally():
    findings = run({"outline": "[bold]Um[/bold], [/] 🩻 basically"})
    assert fired("filler", findings)[0].matched == ("“Um”", "“basically”")


REASONS = ("Neuroradiology volume and the 7T research program",
           "Night float rather than 24-hour calls")
SIGNALED = {"signaled_program": "Lakeshore", "signal": "gold", "dossier_reasons": REASONS}
WHY_US = {"category": "why", "tags": ["why-program"]}


def test_an_answer_for_a_signaled_program_that_gives_none_of_its_dossier_reasons_fires():
    text = ("Lakeshore has a friendly culture, Dr. Marquez impressed me on the day, and "
            "Chicago is close to my family in Ohio.")
    [finding] = fired("signal-reasons", run({"outline": text}, **WHY_US, **SIGNALED))
    assert finding.message.startswith("You sent Lakeshore a gold signal")
    assert finding.matched == ("“Neuroradiology volume and the 7T…”",
                               "“Night float rather than 24-hour calls”")
    # the generic rule is content: the answer names things only they have
    assert fired("why-program.generic", run({"outline": text}, **WHY_US, **SIGNALED)) == []


@pytest.mark.parametrize("text", [
    "The neuroradiology volume at Lakeshore is what I signaled you for, and Chicago is home.",
    "I want night float rather than long calls, and Dr. Marquez's teaching is why I came.",
])
def test_an_answer_that_gives_a_dossier_reason_does_not_fire(text):
    assert fired("signal-reasons", run({"outline": text}, **WHY_US, **SIGNALED)) == []


def test_the_signal_rule_needs_a_signal_a_why_program_question_and_reasons():
    text = "Lakeshore has a friendly culture and Chicago is close to my family in Ohio, truly."
    assert fired("signal-reasons", run({"outline": text}, **WHY_US)) == []
    assert fired("signal-reasons", run({"outline": text}, **WHY_US,
                                       **{**SIGNALED, "signal": "none"})) == []
    assert fired("signal-reasons", run({"outline": text}, category="behavioral",
                                       **SIGNALED)) == []
    assert fired("signal-reasons", run({"outline": text}, **WHY_US,
                                       **{**SIGNALED, "dossier_reasons": ()})) == []


@pytest.mark.parametrize("target", [45, 60, 90, 120])
def test_the_editor_meter_and_the_feedback_share_one_length_rule(target):
    """The meter's "too short"/"too long"/"on target" is the length rule's verdict: it never
    says short while the panel says nothing about length (they had two tolerances)."""
    from tui.widgets.answer_meter import meter_forms

    for words in range(1, 400, 3):
        found = ids(run({"outline": " ".join(["word"] * words)}, target=target))
        meter = str(meter_forms(words, 140, target)[0])
        assert ("too short" in meter) == ("length.short" in found), (words, meter)
        assert ("too long" in meter) == ("length.long" in found), (words, meter)
        assert ("on target" in meter) == (not any(f.startswith("length") for f in found))


def test_every_form_of_the_meter_says_one_word_and_two_words():
    from tui.widgets.answer_meter import meter_forms

    assert all(form.plain.startswith("1 word · ") for form in meter_forms(1, 140, 90))
    assert all(form.plain.startswith("2 words · ") for form in meter_forms(2, 140, 90))
