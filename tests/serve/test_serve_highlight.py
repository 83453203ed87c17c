"""Highlighting: marks from offsets stay well nested and keep the text; query hits are escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from quotegraph.serve.highlight import Mark, highlight_query, mark_text, query_terms


class _Tree(HTMLParser):
    """Checks nesting and collects the text and each statement's marked characters."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.marked: dict[str, list[str]] = {}
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        assert tag == "mark", tag
        self.stack.append(a["data-st"] + "/" + a["class"])
        if "id" in a:
            self.ids.append(a["id"])

    def handle_endtag(self, tag):
        assert tag == "mark" and self.stack
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for key in set(self.stack):
            self.marked.setdefault(key, []).append(data)


def _parse(markup: str) -> _Tree:
    t = _Tree()
    t.feed(markup)
    t.close()
    assert not t.stack
    return t


def _m(a, b, st, kind="content", anchor=False):
    return Mark(a, b, kind, st, "q" if kind == "content" else kind, anchor=anchor)


@pytest.mark.parametrize("marks", [
    [],
    [_m(0, 5, "a")],
    [_m(2, 20, "a", anchor=True), _m(5, 10, "b", anchor=True)],  # nested
    [_m(2, 12, "a", anchor=True), _m(8, 20, "b", anchor=True)],  # crossing
    [_m(2, 12, "a"), _m(2, 12, "b")],  # identical
    [_m(0, 4, "a", anchor=True), _m(10, 14, "a"), _m(3, 11, "b"), _m(4, 5, "b", "cue")],
    [_m(5, 5, "a"), _m(-1, 3, "b"), _m(20, 99, "c")],  # empty / out of range: ignored
])
def test_marks_nest_and_keep_every_character(marks):
    text = "abc <d> & e\n“f” <script>x</script>"
    out = mark_text(text, marks)
    tree = _parse(str(out))
    assert "".join(tree.text) == text
    for m in marks:
        if 0 <= m.start < m.end <= len(text):
            assert "".join(tree.marked[f"{m.statement}/{m.classes}"]).find(text[m.start:m.end]) >= 0
    assert len(tree.ids) == len(set(tree.ids))  # one anchor per statement
    assert {i for i in tree.ids} == {f"s-{m.statement}" for m in marks if m.anchor and m.start < m.end}


def test_marks_escape_text_and_attributes():
    out = str(mark_text('<b>"x"</b>', [Mark(0, 3, "content", 'st"1', 'q"><img', (("data-x", "<i>"),))]))
    assert "<b>" not in out and "<img" not in out and "<i>" not in out
    assert 'data-st="st&#34;1"' in out


@pytest.mark.parametrize(("q", "terms"), [
    (None, []),
    ("ceasefire", ["ceasefire"]),
    ('"exact phrase" OR truce', ["phrase", "exact", "truce"]),
    ("dialog* NOT war", ["dialog", "war"]),
    ("speaker: Kirby", ["kirby"]),
])
def test_query_terms(q, terms):
    assert query_terms(q) == terms


def test_query_highlight_escapes_before_marking():
    text = "Use &lt; not <script>alert(1)</script> & keep amp"
    out = str(highlight_query(text, query_terms("amp script lt")))
    assert "<script>" not in out
    # Marks wrap the words the user sees; entities are never split by a mark.
    assert re.findall(r"<mark class=\"hit\">(.*?)</mark>", out) == ["lt", "script", "script", "amp"]
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", out)) == text


def test_query_highlight_prefix_stands_in_for_stemming():
    out = str(highlight_query("They regrouped and Regroup again", ["regroup"]))
    assert out.count('<mark class="hit">') == 2
