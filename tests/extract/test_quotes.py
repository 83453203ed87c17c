import pytest

from quotegraph.extract.quotes import find_quotes


def texts(s: str) -> list[list[str]]:
    return [[s[a:b] for a, b in q.pieces] for q in find_quotes(s)]


@pytest.mark.parametrize(("src", "expected"), [
    ('He said "hello there," and left.', [["hello there,"]]),
    ("He said “hello there,” and left.", [["hello there,"]]),
    ("The ‘moderate opposition’ again.", [["moderate opposition"]]),
    ("Kirby’s words and the players' union.", []),
    ("It's 'fine' now.", [["fine"]]),
    ("“Don’t you think ‘get ’em’ is odd?” she asked.", [["Don’t you think ‘get ’em’ is odd?"]]),
    ("“First part.\n\n“Second part,” he said.", [["First part.", "Second part,"]]),
    ("“Unclosed here\n\nNext para “ok”.", [["Unclosed here"], ["ok"]]),
    ("no quotes at all", []),
    ('"', []),
    ("‘unclosed single\n\nnext", []),
])
def test_find_quotes(src, expected):
    assert texts(src) == expected


def test_a_mark_of_the_wrong_shape_reads_as_the_one_its_place_needs():
    # "”Word" at a paragraph's start closes nothing: it is a typo for the opening mark.
    src = "Readers wrote in.\n\n”The plan is too costly for us.” ― Ann Lee\n“So is the bridge.” ― Tom Roe"
    assert texts(src) == [["The plan is too costly for us."], ["So is the bridge."]]
    # Inside a paragraph it still closes.
    assert texts("“It works” is what he said, ”he added.") == [["It works"]]
    # An opening mark that ends a paragraph after a full stop opens nothing: it closes.
    assert texts("The check rated it “Mostly False.“\n\nThe rate rose again.") == [["Mostly False."]]


def test_unbalanced_does_not_derail_rest():
    src = "A “broken quote.\n\nLater, he said “this is fine” today."
    assert texts(src)[-1] == ["this is fine"]


@pytest.mark.parametrize(("src", "expected"), [
    # Typewriter doubles ('') open and close a quote as " does, over paragraph breaks too.
    ("''It works,'' she said. ''And it will\n\n''last a while,'' she added.",
     [["It works,"], ["And it will", "last a while,"]]),
    # A " closed with '' ends there, not at the end of its paragraph.
    ('The board said it "would not be enough\'\' for a release. Asked why, it declined.',
     [["would not be enough"]]),
    # So does a “ closed with two curly single marks, and the next quote is a quote of its own.
    ("“We print anything,’’ says the owner. “If you want more, go elsewhere.”",
     [["We print anything,"], ["If you want more, go elsewhere."]]),
])
def test_typewriter_double_marks(src, expected):
    assert texts(src) == expected
