"""Where reported content ends: the places a complement's tail can be cut, and their features.

A complement's subtree often runs past what was reported: "the health of Donald Trump, who is 70",
"Mitt Romney had a lead in 2012, but still lost the election". Each descendant that closes the
subtree is a place to cut; the learned cut model decides (model/linear.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model.linear import LinearModel
from .quotes import Quote
from .spans import children, in_quotes

CUT_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "appos", "prep", "parataxis", "npadvmod"})
MIN_KEPT = 2  # tokens a cut must leave


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def cut_points(root: Token) -> list[tuple[Token, int]]:
    """(descendant, first token to drop) for each subtree that ends the root's subtree, outermost first."""
    doc = root.doc
    lo, hi = root.left_edge.i, root.right_edge.i
    out = []
    for d in root.subtree:
        if d is root or d.dep_ not in CUT_DEPS or d.right_edge.i != hi:
            continue
        start = d.left_edge.i
        # The comma or conjunction that introduces the tail goes with it.
        while start - 1 >= lo and doc[start - 1].dep_ in ("punct", "cc") and d.left_edge.i - start < 2:
            start -= 1
        if start - lo >= MIN_KEPT:
            out.append((d, start))
    return sorted(out, key=lambda x: x[1])


def cut_features(d: Token, start: int, root: Token, verb: Token, quotes: list[Quote]) -> list[str]:
    """Binary features of cutting `root`'s subtree at token `start` (the tail headed by `d`)."""
    doc = d.doc
    lo, hi = root.left_edge.i, root.right_edge.i
    joiner = doc[start].lower_ if start < d.left_edge.i else "none"
    first = doc[d.left_edge.i].lower_
    depth = 0
    t = d
    while t is not root and depth < 4:
        t, depth = t.head, depth + 1
    f = [f"dep={d.dep_}", f"dep={d.dep_}|pos={d.pos_}", f"dep={d.dep_}|joiner={joiner}", f"tag={d.tag_}",
         f"head_dep={d.head.dep_}", f"head_pos={d.head.pos_}", f"root_dep={root.dep_}",
         f"cue={verb.lemma_.lower()}", f"first={first}", f"dep={d.dep_}|first={first}", f"joiner={joiner}",
         f"before={doc[start - 1].lower_}", f"tail={_bucket(hi - start + 1)}", f"kept={_bucket(start - lo)}",
         f"depth={depth}", f"dep={d.dep_}|depth={depth}"]
    if any(in_quotes(quotes, doc[i].idx) for i in (start, hi)):
        f.append("quoted")
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in children(d)):
        f.append("own_subject")
    return f


def model_cut(root: Token, verb: Token, quotes: list[Quote], cut: LinearModel | None) -> int | None:
    """The first token of the tail the cut model drops from `root`'s subtree, or None to keep it whole."""
    if cut is None:
        return None
    threshold = cut.thresholds["cut_above"]
    return next((start for d, start in cut_points(root)
                 if cut.probability(cut_features(d, start, root, verb, quotes)) >= threshold), None)
