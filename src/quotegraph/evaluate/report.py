"""Rendering an evaluation report (the dict from `run.evaluate`) as readable tables."""

from __future__ import annotations

from typing import Any

from .score import ALL_GROUP

_FIGURES = (("source", "source exact"), ("cue", "cue exact"), ("content", "content exact"),
            ("relation", "relation exact"), ("rel50", "rel@0.5"), ("content_soft", "content soft"))
_COLUMNS = (("all", "source_f1", "source"), ("all", "cue_f1", "cue"),
            ("all", "content_f1", "content"), ("all", "relation_f1", "relation"),
            ("all", "rel50_f1", "rel@0.5"), ("speech", "rel50_f1", "speech@0.5"),
            ("all", "content_soft_f1", "soft"))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))])

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def format_report(report: dict[str, Any]) -> str:
    """The report as text: per-figure P/R/F1 overall, F1 per publisher, then speed and memory."""
    scores = report["scores"]
    overall = scores[ALL_GROUP]
    a, s = overall["all"], overall["speech"]
    out = [f"{report.get('corpus') or 'gold'}: {report['docs']} docs, {a['gold']} gold, "
           f"{a['predicted']} predicted (speech subset: {s['gold']} gold, {s['predicted']} predicted)"]
    if report.get("missing_predictions"):
        out.append(f"warning: {report['missing_predictions']} docs had no predictions for their text")
    out.append("")
    rows = [[label, *(f"{sub[f'{key}_{m}']:.3f}" for sub in (a, s) for m in ("p", "r", "f1"))]
            for key, label in _FIGURES]
    out += _table(["overall", "P", "R", "F1", "speech P", "R", "F1"], rows)
    out.append("")
    rows = [[group, str(sub["all"]["gold"]), str(sub["all"]["predicted"]),
             *(f"{sub[subset][key]:.3f}" for subset, key, _ in _COLUMNS)]
            for group, sub in scores.items()]
    out += _table(["F1 by publisher", "gold", "pred", *(c for _, _, c in _COLUMNS)], rows)
    out += ["", f"speech flag: {a['speech_flag_rate']:.3f} of the {a['speech_cue_paired']} statements paired "
            "with gold whose cue is a speech verb are marked speech"]
    run = report.get("run")
    if run:
        out.append("")
        out.append(_speed(report))
    return "\n".join(out)


def _speed(report: dict[str, Any]) -> str:
    run = report["run"]
    rss = f"{run['peak_rss_mb']:.0f} MB" if run.get("peak_rss_mb") is not None else "n/a"
    tier = f" ({report['tier']} tier)" if report.get("tier") else ""
    return (f"extraction{tier}: {run['words']:,} words in {run['seconds']:.1f} s = "
            f"{run['words_per_s']:,.0f} words/s; peak RSS {rss}")


def format_comparison(reports: dict[str, dict[str, Any]]) -> str:
    """Tiers side by side: the gate's figures, words/s and peak RSS, one column per tier."""
    names = list(reports)
    first = reports[names[0]]
    out = [f"{first.get('corpus') or 'gold'}: {first['docs']} docs", ""]
    rows = []
    for subset, key, label in _COLUMNS:
        rows.append([label, *(f"{reports[n]['scores'][ALL_GROUP][subset][key]:.3f}" for n in names)])
    rows.append(["predicted", *(str(reports[n]["scores"][ALL_GROUP]["all"]["predicted"]) for n in names)])
    rows.append(["words/s", *(f"{reports[n]['run']['words_per_s']:,.0f}" for n in names)])
    rows.append(["peak RSS MB", *(f"{reports[n]['run']['peak_rss_mb'] or 0:.0f}" for n in names)])
    out += _table(["F1", *names], rows)
    return "\n".join(out)
