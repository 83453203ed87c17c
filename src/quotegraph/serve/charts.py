"""Chart geometry for server-rendered SVG: bars and lines as coordinates, drawn by the templates.

No script and no chart library: the page stays inside the CSP, and every number a chart shows is
also in the table beside it. Values are shares in [0, 1], drawn on a 0–100 % axis.
"""

from __future__ import annotations

from dataclasses import dataclass

TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
MAX_LINES = 8  # more lines than this cannot be told apart; the table keeps every outlet
BAR_HEIGHT, BAR_GAP = 18, 8
# Drawn 420 units wide: a phone shows the units at about 0.85 px, a laptop (at most 560 px wide)
# at 1.3, so 12-unit text stays readable on both.
WIDTH = 420
LABEL_W = 118  # room for an outlet name left of a bar (longer names are cut, whole in the tooltip)
LABEL_CHARS = 17


@dataclass(frozen=True, slots=True)
class Tick:
    """An axis tick: its position and label."""

    pos: float
    label: str


@dataclass(frozen=True, slots=True)
class Bar:
    """One horizontal bar: label, value, its drawn extent, and the text shown at its end."""

    label: str
    short: str
    y: float
    width: float
    value: float | None
    text: str


@dataclass(frozen=True, slots=True)
class Line:
    """One series as SVG polyline runs (broken where a month has no value) and its points."""

    label: str
    index: int
    runs: tuple[str, ...]
    points: tuple[tuple[float, float, str], ...]  # x, y, tooltip


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def pct(v: float | None) -> str:
    """A share as a percentage with one decimal ("41.7 %"), or "no data"."""
    return "no data" if v is None else f"{100 * v:.1f} %"


def bars(items: list[tuple[str, float | None, str]], width: float = WIDTH) -> dict:
    """Horizontal bars for (label, share or None, note) items: {bars, ticks, height, x0, x1}."""
    x0, x1 = LABEL_W, width - 56
    out = []
    for i, (label, value, note) in enumerate(items):
        w = 0.0 if value is None else max(0.0, min(1.0, value)) * (x1 - x0)
        out.append(Bar(label, _short(label), 24 + i * (BAR_HEIGHT + BAR_GAP), round(w, 2), value,
                       f"{pct(value)}{f' ({note})' if note else ''}"))
    height = 24 + len(items) * (BAR_HEIGHT + BAR_GAP) + 36
    ticks = [Tick(round(x0 + t * (x1 - x0), 2), f"{int(t * 100)} %") for t in TICKS]
    return {"bars": out, "ticks": ticks, "height": height, "x0": x0, "x1": x1, "width": width,
            "axis_y": height - 34}


def lines(months: list[str], series: dict[str, dict[str, tuple[float | None, int]]],
          width: float = WIDTH, height: float = 230) -> dict:
    """Lines over `months` for each series {label: {month: (share, n)}} (at most MAX_LINES, the
    first ones given): {lines, xticks, yticks, ...}; a month without a value breaks the line."""
    x0, x1, y0, y1 = 46.0, width - 24, 22.0, height - 40
    step = (x1 - x0) / max(1, len(months) - 1)
    xs = {m: round(x0 + i * step if len(months) > 1 else (x0 + x1) / 2, 2) for i, m in enumerate(months)}

    def y(v: float) -> float:
        return round(y1 - v * (y1 - y0), 2)

    out = []
    for idx, (label, values) in enumerate(list(series.items())[:MAX_LINES]):
        runs, run, points = [], [], []
        for m in months:
            v, n = values.get(m, (None, 0))
            if v is None:
                if run:
                    runs.append(" ".join(run))
                run = []
                continue
            run.append(f"{xs[m]},{y(v)}")
            points.append((xs[m], y(v), f"{label}, {m}: {pct(v)} of {n} with gender known"))
        if run:
            runs.append(" ".join(run))
        out.append(Line(label, idx, tuple(runs), tuple(points)))
    every = max(1, -(-len(months) // 4))  # about four month labels fit the width
    xticks = [Tick(xs[m], m) for i, m in enumerate(months) if i % every == 0 or i == len(months) - 1]
    if len(xticks) > 1 and xticks[-1].pos - xticks[-2].pos < step * every / 2:
        xticks.pop(-2)  # the last label would sit on the one before it
    yticks = [Tick(y(t), f"{int(t * 100)} %") for t in TICKS]
    return {"lines": out, "xticks": xticks, "yticks": yticks, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
            "width": width, "height": height, "hidden": max(0, len(series) - MAX_LINES)}
