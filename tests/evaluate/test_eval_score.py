"""Scorer unit tests on hand-written sentences: every figure, pairing and trimming rule."""

from __future__ import annotations

import pytest

from quotegraph.evaluate.gold import GoldDoc, GoldQuote
from quotegraph.evaluate.score import (
    GATE_FIGURES,
    Attribution,
    char_set,
    gate_figures,
    is_speech,
    jaccard,
    metrics,
    pair,
    score,
    score_doc,
    speech_verbs,
    trim,
)
from quotegraph.types import Span, Statement

TEXT = ('The mayor said, “We will rebuild the bridge.” '
        'Critics believe the plan costs too much. '
        '“It is late,” she added, “but it will open.” '
        'Pence: we will win.')


def at(sub: str, nth: int = 0, text: str = TEXT) -> Span:
    """The span of the nth occurrence of `sub` in `text`."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return Span(i, i + len(sub))


MAYOR = GoldQuote("E1", source=(at("The mayor"),), cue=(at("said"),),
                  content=(at("“We will rebuild the bridge.”"),))
CRITICS = GoldQuote("E2", source=(at("Critics"),), cue=(at("believe"),),
                    content=(at("the plan costs too much"),))
SHE = GoldQuote("E3", source=(at("she"),), cue=(at("added"),),
                content=(at("“It is late,”"), at("“but it will open.”")))
PENCE = GoldQuote("E4", source=(at("Pence"),), cue=(at(":"),), content=(at("we will win."),))


def doc(*quotes: GoldQuote, publisher: str | None = "paper") -> GoldDoc:
    return GoldDoc(doc_id="d1", text=TEXT, quotes=quotes, publisher=publisher)


def att(content: tuple[Span, ...], source: Span | None = None, cue: Span | None = None) -> Attribution:
    return Attribution(source=(source,) if source else (), cue=(cue,) if cue else (), content=content)


def figures(gold: GoldDoc, preds: list[Attribution], subset: str = "all") -> dict:
    from quotegraph.evaluate.score import Counts
    c = Counts()
    c.add(score_doc(gold, preds)[subset])
    return metrics(c)


@pytest.mark.parametrize(("raw", "trimmed"), [
    ("“We will rebuild the bridge.”", "We will rebuild the bridge"),
    ("“It is late,”", "It is late"),
    (" said", "said"),
    (":", ":"),  # a colon cue would otherwise vanish and never match
    ("the plan costs too much", "the plan costs too much"),
])
def test_trim(raw, trimmed):
    assert trim(at(raw), TEXT).text(TEXT) == trimmed


def test_trim_markdown_and_single_quotes():
    text = "*‘moderate opposition’*, he said."
    assert trim(Span(0, text.index(",")), text).text(text) == "moderate opposition"


def test_char_set_ignores_how_pieces_are_split():
    whole = at("rebuild the bridge")
    halves = (Span(whole.start, whole.start + 7), Span(whole.start + 7, whole.end))
    assert char_set(halves, TEXT) == char_set((whole,), TEXT)


def test_jaccard():
    assert jaccard(frozenset(range(10)), frozenset(range(5, 15))) == pytest.approx(5 / 15)
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_exact_prediction_scores_one_everywhere():
    gold = doc(MAYOR, CRITICS, SHE, PENCE)
    m = figures(gold, [att(q.content, q.source[0], q.cue[0]) for q in gold.quotes])
    for name in ("source", "cue", "content", "relation", "rel50", "content_soft"):
        assert (m[f"{name}_p"], m[f"{name}_r"], m[f"{name}_f1"]) == (1.0, 1.0, 1.0), name


def test_quote_marks_and_punctuation_do_not_matter():
    m = figures(doc(MAYOR), [att((at("We will rebuild the bridge"),), at("The mayor "), at("said,"))])
    assert (m["source_f1"], m["cue_f1"], m["content_f1"], m["relation_f1"]) == (1.0, 1.0, 1.0, 1.0)


def test_partial_content_counts_for_rel50_and_soft_but_not_exact():
    # "We will rebuild the" is 16 of the 22 non-space gold characters (>= 50%).
    m = figures(doc(MAYOR), [att((at("We will rebuild the"),), at("The mayor"), at("said"))])
    assert m["content_f1"] == 0.0 and m["relation_f1"] == 0.0
    assert m["source_f1"] == 1.0 and m["cue_f1"] == 1.0
    assert m["rel50_f1"] == 1.0
    assert m["content_soft_f1"] == pytest.approx(16 / 22, abs=1e-4)


def test_rel50_needs_half_the_gold_content_and_a_source_overlap():
    short = att((at("rebuild"),), at("The mayor"), at("said"))
    assert figures(doc(MAYOR), [short])["rel50_f1"] == 0.0
    wrong_source = att(MAYOR.content, at("Critics"), at("said"))
    m = figures(doc(MAYOR), [wrong_source])
    assert m["rel50_f1"] == 0.0 and m["content_f1"] == 1.0 and m["source_p"] == 0.0
    partial_source = att(MAYOR.content, at("mayor"), at("said"))
    assert figures(doc(MAYOR), [partial_source])["rel50_f1"] == 1.0


def test_discontiguous_content():
    both = att(SHE.content, at("she"), at("added"))
    assert figures(doc(SHE), [both])["relation_f1"] == 1.0
    # One span over both pieces swallows "she added": not exact, still rel@0.5.
    hull = att((Span(SHE.content[0].start, SHE.content[1].end),), at("she"), at("added"))
    m = figures(doc(SHE), [hull])
    assert m["content_f1"] == 0.0 and m["rel50_f1"] == 1.0
    first_only = att(SHE.content[:1], at("she"), at("added"))
    assert figures(doc(SHE), [first_only])["rel50_f1"] == 0.0  # 8 of 21 characters


def test_empty_gold_source():
    nosource = GoldQuote("E9", cue=(at("believe"),), content=(at("the plan costs too much"),))
    m = figures(doc(nosource), [att(nosource.content, None, at("believe"))])
    assert m["relation_f1"] == 1.0 and m["rel50_f1"] == 1.0
    # No gold source and no predicted source: nothing to count for the source role.
    assert (m["source_p"], m["source_r"]) == (0.0, 0.0)
    m = figures(doc(nosource), [att(nosource.content, at("Critics"), at("believe"))])
    assert m["relation_f1"] == 0.0 and m["rel50_f1"] == 0.0 and m["content_f1"] == 1.0
    assert m["source_p"] == 0.0  # a source where gold has none is a false alarm


def test_role_denominators():
    # Two gold (one without source), two predictions: one without source, one spurious.
    nosource = GoldQuote("E9", cue=(at("believe"),), content=(at("the plan costs too much"),))
    preds = [att(MAYOR.content, None, at("said")), att((at("Pence"),), at("Critics"), at("added"))]
    m = figures(doc(MAYOR, nosource), preds)
    assert (m["source_p"], m["source_r"]) == (0.0, 0.0)
    assert (m["cue_p"], m["cue_r"]) == (0.5, 0.5)
    assert (m["content_p"], m["content_r"]) == (0.5, 0.5)
    assert m["relation_f1"] == 0.0


def test_pairing_is_one_to_one():
    twice = att(MAYOR.content, at("The mayor"), at("said"))
    m = figures(doc(MAYOR), [twice, twice])
    assert (m["relation_p"], m["relation_r"]) == (0.5, 1.0)
    assert (m["content_soft_p"], m["content_soft_r"]) == (0.5, 1.0)


def test_pairing_prefers_the_higher_jaccard():
    gold = [frozenset(range(0, 10)), frozenset(range(5, 20))]
    pred = [frozenset(range(5, 20)), frozenset(range(0, 10))]
    assert sorted(pair(gold, pred)) == [(0, 1, 1.0), (1, 0, 1.0)]
    assert pair(gold, [frozenset(range(30, 40))]) == []  # Jaccard 0 never pairs


def test_same_content_twice_pairs_by_source():
    other = GoldQuote("E5", source=(at("Critics"),), cue=(at("believe"),), content=MAYOR.content)
    m = figures(doc(MAYOR, other), [att(MAYOR.content, at("Critics"), at("believe"))])
    assert m["relation_p"] == 1.0 and m["source_p"] == 1.0


def test_colon_cue_is_exact():
    m = figures(doc(PENCE), [att(PENCE.content, at("Pence"), at(":"))])
    assert m["relation_f1"] == 1.0


def test_speech_subset():
    assert {"said", "told", "says"} <= speech_verbs() and "believe" not in speech_verbs()
    assert is_speech(att(MAYOR.content, None, at("said")), TEXT)
    assert is_speech(att(PENCE.content, None, at("added")), TEXT)  # speech cue, no quote mark
    assert not is_speech(att(CRITICS.content, None, at("believe")), TEXT)
    gold = doc(MAYOR, CRITICS)
    preds = [att(CRITICS.content, at("Critics"), at("believe")),  # paired with non-speech gold
             att(PENCE.content, at("Pence"), at("said")),  # unpaired, speech cue: a false alarm
             att((at("we will win"),), None, at(":"))]  # unpaired, not speech: left out
    m = figures(gold, preds, "speech")
    assert (m["gold"], m["predicted"]) == (1, 1)
    assert m["rel50_r"] == 0.0 and m["rel50_p"] == 0.0


def statement(a: Attribution) -> Statement:
    return Statement(id="s", kind="direct", content=a.content, cue=a.cue[0] if a.cue else None,
                     source=a.source[0] if a.source else None)


def test_score_groups_by_publisher_and_gate_figures():
    d1 = doc(MAYOR, publisher="a")
    d2 = GoldDoc(doc_id="d2", text=TEXT, quotes=(SHE,), publisher="b")
    exact = statement(att(MAYOR.content, at("The mayor"), at("said")))
    result = score([(d1, [exact]), (d2, [])]).to_dict()
    assert list(result) == ["overall", "a", "b"]
    assert result["a"]["all"]["relation_f1"] == 1.0
    assert result["b"]["all"]["relation_r"] == 0.0
    assert result["overall"]["all"]["relation_r"] == 0.5
    assert result["overall"]["all"]["docs"] == 2
    gate = gate_figures(result)
    assert set(gate) == set(GATE_FIGURES)
    assert gate["relation_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert gate["speech_rel50_f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_no_predictions_and_no_gold():
    m = figures(doc(), [])
    assert m["relation_f1"] == 0.0 and m["gold"] == 0
