"""Regenerate docs/screenshots/*.png: search, article, speaker, cluster and drift pages, the browse
pages, a statement with its correction form and the Sources page, laptop and phone.

    python docs/screenshots/make_screenshots.py [--db STORE] [--out docs/screenshots]

Without --db it ingests the bundled example articles plus two short follow-up articles written
for this script (a wire story re-quoting two quotes from the RT example, so a cluster exists,
and a story that changes two of them, so the Drift page has something to show) into a
temporary store. Needs Debian's /usr/bin/chromium and playwright's Python client.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "serve"))
from serve_process import running_server  # noqa: E402

from quotegraph.examples import example_paths  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars"]
SIZES = {"laptop": (1366, 900), "phone": (390, 844)}
FOLLOW_UP = {
    "title": "Moscow stands by its warning over Syria talks",
    "published": "2016-09-30", "outlet": "Example Wire", "url": "https://wire.example/2016/09/30/syria",
    "text": (
        "Moscow stands by its warning over Syria talks\n\n"
        "MOSCOW, Sept 30 - Russian officials on Friday repeated the warnings they had issued a day "
        "earlier, as talks with Washington over Syria stalled.\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova had asked: “Don’t you think that such "
        "ventriloquism about ‘body bags,’ ‘terrorist attacks in Russian cities’ and ‘loss of "
        "aircraft,’ sounds more like a ‘get ’em’ command, rather than a diplomatic comment?”\n\n"
        "“However, even the slightest hints of a threat to our soldiers and Russian citizens must "
        "be excluded from this dialogue,” Defence Ministry spokesman Igor Konashenkov said.\n\n"
        "A State Department official said the United States was still weighing its options.\n"),
}


# A second re-quoting story that changes the words (for the drift screenshots, docs/drift.md).
CHANGED = {
    "title": "Russia says it is ready to keep talking", "published": "2016-10-01",
    "outlet": "Example Daily", "url": "https://daily.example/2016/10/01/russia",
    "text": (
        "Russia says it is ready to keep talking\n\n"
        "“We are fully prepared to continue the dialogue with the American side and carry on with "
        "the joint actions to combat terrorists in Syria,” a Russian general said on Thursday.\n\n"
        "He added: “The matter of safety of Russian citizens, wherever they may be, is up for "
        "bargaining.”\n"),
}


def build_store(directory: Path) -> Path:
    """Ingest the examples and the follow-up articles into a new store."""
    follow_up = directory / "follow-up.jsonl"
    follow_up.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in (FOLLOW_UP, CHANGED)),
                         encoding="utf-8")
    db = directory / "screens.db"
    subprocess.run([sys.executable, "-m", "quotegraph", "ingest", *map(str, example_paths()),
                    str(follow_up), "--db", str(db)], check=True)
    return db


def shoot(base: str, out: Path) -> list[Path]:
    """Screenshot each page at each size; returns the files written."""
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        api = browser.new_context()
        hit = api.request.get(f"{base}/api/statements?q=ventriloquism&order=date").json()["items"][0]
        konashenkov = api.request.get(f"{base}/api/speakers?q=Konashenkov").json()["items"][0]
        drifted = next(iter(api.request.get(f"{base}/api/drift").json()["items"]), None)
        api.close()
        pages = {
            "search": "/search?q=dialogue",
            "article": f"/articles/{hit['article_id']}#s-{hit['id']}",
            "speaker": f"/speakers/{konashenkov['id']}",
            "cluster": f"/clusters/{hit['cluster_id']}",
            "drift": "/drift",
            "speakers": "/speakers",
            "articles": "/articles",
            "outlets": "/outlets",
            "clusters": "/clusters",
            "statement": f"/statements/{hit['id']}",
            "sources": "/sources",
        }
        if drifted:
            pages["cluster-drift"] = f"/clusters/{drifted['cluster_id']}"
        for size, (w, h) in SIZES.items():
            ctx = browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=1)
            page = ctx.new_page()
            for name, url in pages.items():
                page.goto(base + url)
                page.wait_for_load_state("load")
                if name == "article":
                    page.locator(f"#s-{hit['id']}").hover()  # show the tooltip
                path = out / f"{name}-{size}.png"
                page.screenshot(path=str(path), full_page=name == "sources")  # every chart
                written.append(path)
            ctx.close()
        browser.close()
    return written


def main() -> None:
    """Build (or take) a store, serve it, and write the screenshots."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_store(Path(tmp))
        with running_server(db, "--allow-edits") as base:  # the statement page shows its form
            for p in shoot(base, args.out):
                print(f"{p} ({p.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
