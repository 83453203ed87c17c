"""serve.charts: bar and line geometry for the Sources page's SVG."""

from __future__ import annotations

from quotegraph.serve import charts


def test_bars_scale_to_the_axis_and_cut_long_labels():
    c = charts.bars([("Gazette", 0.5, "4 with gender known"), ("A very long outlet name indeed", None, ""),
                     ("Herald", 1.0, "")])
    span = c["x1"] - c["x0"]
    assert [b.width for b in c["bars"]] == [round(span / 2, 2), 0.0, round(span, 2)]
    assert c["bars"][0].text == "50.0 % (4 with gender known)" and c["bars"][1].text == "no data"
    assert c["bars"][1].short.endswith("…") and len(c["bars"][1].short) == charts.LABEL_CHARS
    assert [t.label for t in c["ticks"]] == ["0 %", "25 %", "50 %", "75 %", "100 %"]
    assert c["bars"][0].y < c["bars"][1].y < c["bars"][2].y < c["axis_y"] < c["height"]


def test_lines_break_where_a_month_has_no_value():
    months = ["2019-01", "2019-02", "2019-03", "2019-04"]
    c = charts.lines(months, {"Gazette": {"2019-01": (0.5, 4), "2019-02": (None, 0), "2019-03": (0.25, 8),
                                          "2019-04": (0.0, 2)}})
    (line,) = c["lines"]
    assert len(line.runs) == 2 and len(line.points) == 3  # Jan alone, then Mar–Apr
    assert line.points[0][2] == "Gazette, 2019-01: 50.0 % of 4 with gender known"
    ys = [p[1] for p in line.points]
    assert ys[2] == c["y1"] and ys[0] < ys[2]  # 0 % sits on the axis, 50 % above it


def test_lines_keep_at_most_max_lines_and_few_month_labels():
    months = [f"2018-{m:02d}" for m in range(1, 13)] + [f"2019-{m:02d}" for m in range(1, 13)]
    series = {f"Outlet {i}": {m: (0.4, 3) for m in months} for i in range(charts.MAX_LINES + 3)}
    c = charts.lines(months, series)
    assert len(c["lines"]) == charts.MAX_LINES and c["hidden"] == 3
    assert 2 <= len(c["xticks"]) <= 5 and c["xticks"][0].label == "2018-01" and c["xticks"][-1].label == "2019-12"
