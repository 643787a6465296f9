"""The benchmark's measurements in Chromium (Debian's package): explorer filter time, what a search
downloads, Lighthouse.

Both run against a localhost server of a built site (bench/serve.py), never the network.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import yaml

from serve import serve

BENCH = Path(__file__).resolve().parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUNS = 7

# Time apply() alone (the contract: it filters and re-renders synchronously), then apply() plus
# the style and layout the browser must do before showing the new list.
_TIME_APPLY = """query => {
  const start = performance.now();
  window.atlasExplorer.apply(query);
  const applied = performance.now();
  document.getElementById('explorer-results').getBoundingClientRect();
  document.body.offsetHeight;
  return [applied - start, performance.now() - start];
}"""

LIGHTHOUSE_PAGES = {
    "home": "/",
    "lens": "/lenses/horizontal/",
    "practice": "/practices/moldova-hometown-associations/",
    "country": "/countries/mda/",
    "framework": "/frameworks/pcmd/",
    "source": "/sources/004/",
    "explorer": "/explore/",
    "compare": "/explore/compare/",
}
# Searches a reader makes: a record's name, an acronym, a word found everywhere, two words.
SEARCHES = ("padron", "PCMD", "migration", "Moldova diaspora")
# Pagefind's own files are stored compressed; anything else is counted as gzip would send it.
_COMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment")
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _queries(data_dir: Path) -> list[str]:
    sectors = yaml.safe_load((data_dir / "vocabularies" / "sectors.yaml").read_text())["terms"]
    return [
        "lens=horizontal",
        f"lens=horizontal&sector={sectors[0]['id']}",
        f"sector={sectors[0]['id']}&sector={sectors[1]['id']}&level=local",
        "country=mda",
        "q=migration",
        "",
    ]


def explorer_timings(site: Path, data_dir: Path) -> dict | None:
    """Median time of `window.atlasExplorer.apply(query)` for a few filters; None without an explorer."""
    if not (site / "explore" / "index.html").exists() or not (site / "explore" / "practices.json").exists():
        return None
    from playwright.sync_api import sync_playwright

    queries = _queries(data_dir)
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(base_url + "/explore/")
        page.wait_for_function("window.atlasExplorer && typeof window.atlasExplorer.apply === 'function'")
        page.wait_for_selector("#explorer[data-ready]")
        ready_ms = (time.perf_counter() - started) * 1000
        apply_ms: dict[str, list[float]] = {query: [] for query in queries}
        layout_ms: dict[str, list[float]] = {query: [] for query in queries}
        shown: dict[str, int] = {}
        for _ in range(RUNS):
            for query in queries:
                applied, laid_out = page.evaluate(_TIME_APPLY, query)
                apply_ms[query].append(applied)
                layout_ms[query].append(laid_out)
                shown[query] = page.evaluate("window.atlasExplorer.matches().length")
        browser.close()
    per_query = {
        query or "(no filter)": {
            "apply_ms": round(statistics.median(apply_ms[query]), 1),
            "apply_and_layout_ms": round(statistics.median(layout_ms[query]), 1),
            "shown": shown[query],
        }
        for query in queries
    }
    return {
        "page_ready_ms": round(ready_ms),
        "worst_median_apply_ms": max(item["apply_ms"] for item in per_query.values()),
        "worst_median_apply_and_layout_ms": max(item["apply_and_layout_ms"] for item in per_query.values()),
        "queries": per_query,
    }


def search_downloads(site: Path) -> dict | None:
    """What a reader downloads from opening the search to seeing a query's first results (bytes,
    gzip), per query in a fresh browser; None for a site without the atlas's search."""
    if not (site / "pagefind" / "pagefind.js").exists():
        return None
    import gzip

    from playwright.sync_api import sync_playwright

    downloads = {}
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for query in SEARCHES:
            page = browser.new_context().new_page()
            page.goto(base_url + "/")
            fetched = []
            page.on("requestfinished", lambda request: fetched.append(request.url))
            page.locator("#atlas-search-open").click()
            page.locator("#atlas-search-q").fill(query)
            page.wait_for_function("q => document.getElementById('atlas-search').getAttribute('data-searched') === q",
                                   arg=query)
            size = 0
            for url in dict.fromkeys(url for url in fetched if "/pagefind/" in url):
                path = site / url.removeprefix(base_url + "/").split("?")[0]
                body = path.read_bytes()
                size += len(body) if path.suffix in _COMPRESSED else len(gzip.compress(body))
            downloads[query] = {"bytes": size, "requests": len(fetched),
                                "results": page.locator("#atlas-search-results li").count()}
            page.context.close()
        browser.close()
    return {"worst_kb": round(max(d["bytes"] for d in downloads.values()) / 1024, 1), "queries": downloads}


def lighthouse_scores(site: Path, out: Path) -> dict:
    """Lighthouse scores (0-100) per page and form factor, with the audits that lost points."""
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {}
    with serve(site) as base_url:
        for form_factor in ("mobile", "desktop"):
            for name, path in LIGHTHOUSE_PAGES.items():
                if not (site / path.strip("/") / "index.html").exists():
                    results.setdefault(form_factor, {})[name] = None
                    continue
                report = out / f"{form_factor}-{name}.json"
                command = [
                    str(binary), base_url + path, "--output=json", f"--output-path={report}", "--quiet",
                    "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
                    "--chrome-flags=" + " ".join(FLAGS),
                ]
                if form_factor == "desktop":
                    command.append("--preset=desktop")
                run = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM),
                                     capture_output=True, text=True, timeout=300)
                if run.returncode != 0 or not report.exists():
                    results.setdefault(form_factor, {})[name] = {"error": run.stderr[-2000:]}
                    continue
                results.setdefault(form_factor, {})[name] = _summary(json.loads(report.read_text()))
                print(f"   lighthouse {form_factor} {name}: {results[form_factor][name]['scores']}", flush=True)
    return results


def _summary(report: dict) -> dict:
    scores = {key: round(report["categories"][key]["score"] * 100) for key in LIGHTHOUSE_CATEGORIES}
    failing = []
    for key in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 0.9:
                failing.append(f"{ref['id']} ({audit.get('displayValue') or audit['score']})")
    return {
        "scores": scores,
        "below_par": failing,
        "benchmark_index": report["environment"].get("benchmarkIndex"),
    }
