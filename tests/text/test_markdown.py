import pytest

from quotegraph.text import normalise


def _roundtrip_ok(text: str) -> str:
    m = normalise(text)
    for i, c in enumerate(m.clean):
        if c not in " \n":
            assert text[m.origin[i]] == c, (i, c)
    return m.clean


@pytest.mark.parametrize(("src", "clean"), [
    ("He said *“hello there.”*", "He said “hello there.”"),
    ("a [hit back](#) at b", "a hit back at b"),
    ("a \\[x\\] b", "a [x] b"),
    ("One.\n\nRead more [Other story: ‘quote’](#)\n\nTwo.", "One.\n\nTwo."),
    ("[‘Russia will continue’ – US State Dept](#)\n\nbody", "body"),
    ("“*Once*\n\n*again we declare.”*", "“Once again we declare.”"),
    ("in order to restore the\n\ntruce in Syria.", "in order to restore the truce in Syria."),
    ("First para.\n\nSecond para.", "First para.\n\nSecond para."),
    ("“First part.\n\n“Second part,” he said.", "“First part.\n\n“Second part,” he said."),
    # A short line the page repeats is its insertion, not a sentence to join to the next paragraph.
    ("Rates rose.\n\nStory continues below\n\nIt was common, he said.\n\nStory continues below\n\nThen it fell.",
     "Rates rose.\n\nIt was common, he said.\n\nThen it fell."),
])
def test_markdown_cleanup(src, clean):
    assert _roundtrip_ok(src) == clean


def test_pieces_split_at_joined_paragraphs():
    src = "said: “*Once*\n\n*again we declare.”*"
    m = normalise(src)
    s = m.clean.index("Once")
    e = m.clean.index(".”")
    pieces = m.to_original_pieces(s, e, src)
    assert [src[p.start:p.end] for p in pieces] == ["Once", "again we declare"]


@pytest.mark.parametrize(("text", "clean"), [
    ("SAO PAULO, March 3 (Reuters) - Brazil's bank held rates.", "Brazil's bank held rates."),
    ("WASHINGTON — The president said no.", "The president said no."),
    ('KYIV — "We will fight," he said.', '"We will fight," he said.'),
    ("NATO - the alliance - said no.", "NATO - the alliance - said no."),
])
def test_wire_datelines_are_dropped_from_the_clean_text(text, clean):
    m = normalise(text)
    assert m.clean == clean
    assert text[m.to_original(0, len(clean)).start:].startswith(clean[:5])
