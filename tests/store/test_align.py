"""Word-by-word alignment of quote versions: labels, serious flags, score and reason.

Every version here is written for this test (none is taken from an article).
"""

from __future__ import annotations

import pytest

from quotegraph.store.align import NUMBER_POINTS, align, choose_reference, make_version

FULL = "We cannot accept these terms and we will not sign the agreement before the election in 2017"
DOUBT = "I do not believe that we should leave the union before the summer"


def compare(ref: str | tuple[str, ...], ver: str | tuple[str, ...], *, ref_kind: str = "direct",
            ver_kind: str = "direct"):
    as_parts = lambda x: x if isinstance(x, tuple) else (x,)  # noqa: E731 - a local shorthand
    return align(make_version(as_parts(ref), ref_kind), make_version(as_parts(ver), ver_kind))


@pytest.mark.parametrize(("ref", "ver", "labels", "negation", "numbers"), [
    # the same words, however they are cased, punctuated or quote-marked
    (FULL, FULL, ("verbatim",), False, False),
    (FULL, FULL.upper() + "!", ("verbatim",), False, False),
    ("Russia’s “partners” can’t agree on anything at all", "Russia's \"partners\" can't agree on anything at all",
     ("verbatim",), False, False),
    # a contiguous part
    (FULL, "we will not sign the agreement before the election in 2017", ("trimmed",), False, False),
    (FULL, "…we will not sign the agreement before the election", ("trimmed",), False, False),
    # a trim that reverses what is left: the negation governing it is cut off
    (DOUBT, "we should leave the union before the summer", ("trimmed",), True, False),
    # an ellipsis join, and a silent gap
    (FULL, "We cannot accept these terms … before the election in 2017", ("elided",), True, False),
    (FULL, "We cannot accept these terms and we will not sign the agreement in 2017", ("elided",), False, False),
    # substitutions and insertions inside quote marks
    (FULL, FULL.replace("agreement", "deal"), ("altered",), False, False),
    (FULL, FULL.replace("cannot", "can"), ("altered",), True, False),
    ("We will sign the agreement before the election this year", "We will not sign the agreement before the election this year",
     ("altered",), True, False),
    (FULL, FULL.replace("2017", "2018"), ("altered",), False, True),
    # an indirect rendering of the direct quote
    (FULL, "that they could not accept the terms and would not sign the agreement before the election",
     ("trimmed", "paraphrased"), False, False),
])
def test_labels_and_flags(ref, ver, labels, negation, numbers):
    a = compare(ref, ver, ver_kind="indirect" if ver.startswith("that ") else "direct")
    assert (a.labels, a.negation_changed, a.numbers_changed) == (labels, negation, numbers), a.reason


@pytest.mark.parametrize(("ref", "ver", "note"), [
    ("We will defend the honour of our centre and its programme", "We will defend the honor of our center and its program", "spelling"),
    ("They have re-elected him for the third time this year", "They have reelected him for the third time this year", "spelling"),
    ("We will build one thousand five hundred homes this year", "We will build 1,500 homes this year", "number format"),
    ("Prices rose by ten per cent in the first quarter of the year", "Prices rose by 10% in the first quarter of the year", "number format"),
    ("Prices rose by 1.5 million dollars in the first quarter of the year", "Prices rose by 1,500,000 dollars in the first quarter of the year", "number format"),
    ("We do not accept it and we cannot support the plan at all", "We don't accept it and we can't support the plan at all", "contraction"),
    ("He is becoming the movement’ best recruiter in the whole region", "He is becoming the movement’s best recruiter in the whole region", "spelling"),
    ("He said that he will visit every town in the province", "He said that [the minister] will visit every town in the province", "editorial"),
    ("He said that [the minister] will visit every town in the province", "He said that he will visit every town in the province", "editorial"),
])
def test_noted_forms_are_not_alterations(ref, ver, note):
    a = compare(ref, ver)
    assert a.labels == ("verbatim",) and a.score == 0, a.reason
    assert not a.negation_changed and not a.numbers_changed
    assert any(c.kind == "noted" and c.detail == note for c in a.changes)
    assert "noted, not counted" in a.reason


def test_a_trim_that_cuts_an_unrelated_negation_is_not_a_flip():
    # "cannot" belongs to its own clause ("… and we will …"): what remains is still what was said.
    a = compare(FULL, "we will not sign the agreement before the election in 2017")
    assert a.labels == ("trimmed",) and not a.negation_changed and a.score == 0


def test_reason_names_the_change_in_words():
    a = compare(FULL, FULL.replace("cannot accept these", "can accept all the"))
    assert a.negation_changed
    assert a.reason == ("negation changed: 'cannot' → 'can'; "
                        "3 words changed inside quote marks: 'these' → 'all the'")


def test_ellipsis_join_is_told_apart_from_a_silent_gap():
    marked = compare(FULL, "We cannot accept these terms and we will … before the election in 2017")
    silent = compare(FULL, "We cannot accept these terms and we will before the election in 2017")
    assert [c.detail for c in marked.changes] == ["ellipsis"]
    assert [c.detail for c in silent.changes] == ["silent"]
    assert "joined by an ellipsis, 4 words left out" in marked.reason
    assert "4 words left out mid-quote without an ellipsis" in silent.reason
    assert marked.score < silent.score


def test_words_missing_where_the_quote_is_interrupted():
    a = compare(FULL, ("We cannot accept these terms", "we will not sign the agreement before the election in 2017"))
    assert a.labels == ("elided",) and [c.detail for c in a.changes] == ["break"]
    assert "1 word left out where the quote is interrupted" in a.reason
    whole = compare(FULL, ("We cannot accept these terms and", "we will not sign the agreement before the election in 2017"))
    assert whole.labels == ("verbatim",)


def test_mixed_quote_framing_is_outside_the_quote():
    ver = "that they “will not sign the agreement before the election in 2017”"
    a = compare(FULL, ver, ver_kind="mixed")
    assert a.labels == ("trimmed",), a.reason
    assert [s.op for s in a.segments if s.op != "same"] == ["del", "out"]
    reworded = compare(FULL, "that they would “sign the agreement before the election in 2017”", ver_kind="mixed")
    assert reworded.labels == ("trimmed",) and reworded.negation_changed  # "will not" lost


def test_segments_rebuild_the_version_text():
    ver = "We can accept these terms and we will … sign the deal before the election"
    a = compare(FULL, ver)
    shown = "".join(s.sep + s.text for s in a.segments if s.op != "del")
    assert " ".join(shown.split()) == ver
    assert [(s.op, s.text) for s in a.segments if s.op in ("ins", "del")] == [
        ("del", "cannot"), ("ins", "can"), ("del", "not"), ("del", "agreement"), ("ins", "deal"),
        ("del", "in 2017")]


@pytest.mark.parametrize(("ref", "ver", "outcome"), [
    ("…", "We will go to the sea tomorrow morning", "the fullest version is only punctuation"),
    ("We will go to the sea tomorrow morning", "?!… “”", "the version is only punctuation"),
    ("", "", "the version is only punctuation"),
    ("Мы не будем подписывать это соглашение до выборов", "We will not sign this agreement before the election",
     "a translation, not compared word by word"),
])
def test_bad_input_has_a_clear_outcome(ref, ver, outcome):
    a = compare(ref, ver)
    assert outcome in a.reason and a.score == 0


def test_reference_is_the_fullest_supported_version_earliest_first():
    trimmed = "we will not sign the agreement before the election in 2017"
    versions = [make_version((v,)) for v in (trimmed, FULL, FULL)]
    assert choose_reference(versions) == 1
    # Two versions that disagree on a word mid-quote: the earlier one, whichever it is.
    base = "We will sign the agreement before the election this year"
    versions = [make_version((v,)) for v in (base, base.replace("will", "will not"))]
    assert choose_reference(versions) == 0
    assert choose_reference(versions[::-1]) == 0
    # … unless another wording carries the word too, or more articles carry the later one.
    assert choose_reference([*versions, versions[1]]) == 1
    also = make_version(("We will not sign the agreement before the election",))
    assert choose_reference([*versions, also]) == 1
    # A direct quote is preferred to a paraphrase that happens to be longer.
    para = "that they would not accept the terms and that they would not sign the agreement at all before the election"
    versions = [make_version((para,), "indirect"), make_version((FULL,), "direct")]
    assert choose_reference(versions) == 1
    with pytest.raises(ValueError, match="no versions"):
        choose_reference([])


def test_a_mixed_reference_is_compared_by_its_quoted_words_only():
    ref = "They don’t care about politics,” the mayor said of the families of the victims"
    ver = "Families of the victims don't care about politics, just change"
    a = compare(ref, ver, ref_kind="mixed", ver_kind="indirect")
    assert not a.negation_changed, a.reason
    assert a.labels == ("trimmed", "paraphrased")


def test_a_number_in_the_reporters_framing_is_still_compared():
    ref = "that the average donation during the last quarter was 27.16 dollars"
    a = compare(ref, "that the average donation during the last quarter was 27 dollars and more",
                ref_kind="indirect", ver_kind="indirect")
    assert a.numbers_changed and a.reason.startswith("number changed: '27.16' → '27'")
    assert a.score == NUMBER_POINTS  # rewording a paraphrase scores nothing by itself
