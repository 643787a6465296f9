"""`make bench`: builds the atlas from synthetic data sets of several sizes and measures it.

For every size N (practices) it generates a data folder (bench/synthetic.py), times loading and
validating it, builds the atlas with the real mkdocs.yml (`ATLAS_DATA` points at the folder),
builds a plain Material baseline with the same number of pages (bench/baseline.py), measures
the output and times the explorer's filter in Chromium. Then it builds the real site and runs
Lighthouse on five pages. Results: bench-results/results.json and results.md.

Every build runs in its own process; `os.wait4` gives that process' own CPU time and peak
memory. The machine is shared, so wall times are noisy: compare the atlas with the baseline built
in the same run, and prefer the CPU-time ratio.

    python bench/run.py --sizes 1000,5000,10000
    python bench/run.py --sizes 200 --no-lighthouse       # a quick check
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import write_baseline  # noqa: E402
from browser import explorer_timings, lighthouse_scores, search_downloads  # noqa: E402
from report import check_targets, markdown_report  # noqa: E402
from synthetic import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SAMPLE_PRACTICE = "moldova-hometown-associations"  # a real record, present at every size


def run_measured(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run `command` in its own process: wall time, its CPU time (user + sys) and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # communicate() would reap the process itself; read the pipes on threads and reap with wait4.
    captured = {}
    readers = [threading.Thread(target=lambda n=name, s=stream: captured.__setitem__(n, s.read()))
               for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"failed: {' '.join(command)}\n{captured['stderr'].decode()[-4000:]}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
    }


def mkdocs_env(data_dir: Path | None = None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ATLAS_DATA", None)
    if data_dir is not None:
        env["ATLAS_DATA"] = str(data_dir)
    return env


def build(config_dir: Path, site: Path, data_dir: Path | None = None) -> dict:
    if site.exists():
        shutil.rmtree(site)
    command = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site)]
    return run_measured(command, cwd=config_dir, env=mkdocs_env(data_dir))


def expected_pages(data_dir: Path) -> int:
    """Pages the atlas builds from `data_dir`: hand-written pages, one per record, one per lens."""
    hand_written = len(list((ROOT / "docs").rglob("*.md")))
    records = sum(len(list((data_dir / folder).glob("*.yaml")))
                  for folder in ("practices", "countries", "frameworks", "organizations", "sources"))
    lenses = yaml.safe_load((data_dir / "vocabularies" / "lenses.yaml").read_text())["terms"]
    return hand_written + records + len(lenses)


def time_load(data_dir: Path) -> dict:
    """Load and validate the folder in a fresh process (imports not counted)."""
    code = (
        "import json, sys, time, yaml\n"
        "from atlas.loader import load\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        "result = load(sys.argv[1])\n"
        "seconds, cpu = time.perf_counter() - start, time.process_time() - cpu\n"
        "print(json.dumps({'seconds': round(seconds, 2), 'cpu_seconds': round(cpu, 2), 'files': result.file_count,\n"
        "                  'problems': len(result.problems), 'libyaml': yaml.__with_libyaml__}))\n"
    )
    output = subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True, capture_output=True, text=True)
    measured = json.loads(output.stdout)
    measured["cpu_seconds_per_1000_files"] = round(measured["cpu_seconds"] / measured["files"] * 1000, 2)
    if measured["problems"]:
        raise SystemExit(f"the synthetic data in {data_dir} has {measured['problems']} problem(s)")
    return measured


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


PAGE_FOLDERS = ("practices", "countries", "organizations", "frameworks", "sources", "lenses")


def pages_by_kind(site: Path) -> dict:
    """Median and largest page of each kind of record page (KB), and which page is the largest."""
    kinds = {}
    for folder in PAGE_FOLDERS:
        pages = sorted((site / folder).glob("*/index.html"), key=lambda path: path.stat().st_size)
        if pages:
            kinds[folder] = {
                "pages": len(pages),
                "median_kb": round(statistics.median(p.stat().st_size for p in pages) / 1024, 1),
                "max_kb": round(pages[-1].stat().st_size / 1024, 1),
                "largest": pages[-1].parent.name,
            }
    return kinds


# The pages that list records of a kind, and the explorer and comparison tables: one page each.
INDEX_PAGES = ("", "practices", "countries", "organizations", "frameworks", "sources", "lenses", "explore",
               "explore/compare")


def index_pages(site: Path) -> dict:
    """The size (KB raw) of each index page (the largest of its pages, index/2/... included past
    its page size), the home page and the explorer's and comparison pages."""
    sizes = {}
    for folder in INDEX_PAGES:
        if (site / folder / "index.html").exists():
            pages = [site / folder / "index.html", *(site / folder / "index").glob("*/index.html")]
            sizes[folder or "home"] = round(max(page.stat().st_size for page in pages) / 1024, 1)
    return sizes


def site_sizes(site: Path, practices: int) -> dict:
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html" and path.name != "404.html"]
    practice_pages = sorted((site / "practices").glob("*/index.html"))
    raw = sorted(path.stat().st_size for path in practice_pages)
    sample = site / "practices" / SAMPLE_PRACTICE / "index.html"
    explorer = site / "explore" / "practices.json"
    per_thousand = 1000 / practices
    largest = max(pages, key=lambda path: path.stat().st_size)
    return {
        "pages": len(pages),
        # Index and lens pages list every practice: they grow with the data, record pages don't.
        "largest_page": f"{largest.parent.relative_to(site).as_posix()}/ {largest.stat().st_size / 1024:,.0f} KB",
        "site_mb": round(sum(path.stat().st_size for path in files) / 1e6, 1),
        "practice_page_kb": round(sample.stat().st_size / 1024, 1) if sample.exists() else None,
        "practice_page_gzip_kb": round(gzip_size(sample) / 1024, 1) if sample.exists() else None,
        "practice_page_median_kb": round(statistics.median(raw) / 1024, 1) if raw else None,
        "practice_page_max_kb": round(raw[-1] / 1024, 1) if raw else None,
        "pages_by_kind": pages_by_kind(site),
        "index_pages_kb": index_pages(site),
        "explorer_data_gzip_kb": round(gzip_size(explorer) / 1024, 1) if explorer.exists() else None,
        "explorer_data_gzip_kb_per_1000": round(gzip_size(explorer) / 1024 * per_thousand, 1)
        if explorer.exists() else None,
    }


def measure_size(practices: int, work: Path, keep_sites: bool, parallel: bool, repeat: int = 1) -> dict:
    print(f"== {practices} practices", flush=True)
    data_dir = work / f"data-{practices}"
    counts = generate(practices, data_dir)
    print(f"   data: {counts}", flush=True)
    load = time_load(data_dir)
    print(f"   load + validate: {load['seconds']} s ({load['cpu_seconds']} s CPU) for {load['files']} files", flush=True)
    atlas_site = work / f"site-{practices}"
    baseline_dir = work / f"baseline-{practices}"
    write_baseline(data_dir, baseline_dir, expected_pages(data_dir))
    baseline_site = baseline_dir / "site"
    jobs = {"atlas": (ROOT, atlas_site, data_dir), "baseline": (baseline_dir, baseline_site, None)}
    runs: dict[str, list[dict]] = {"atlas": [], "baseline": []}
    for round_number in range(repeat):
        if parallel:  # each build's CPU time and memory are still its own (os.wait4)
            measured: dict = {}
            threads = [threading.Thread(target=lambda n=name, a=args: measured.__setitem__(n, build(*a)))
                       for name, args in jobs.items()]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if len(measured) != len(jobs):
                raise SystemExit("a build failed (see above)")
        else:  # alternate which site goes first, so that neither always meets the same moment
            order = list(jobs) if round_number % 2 == 0 else list(reversed(jobs))
            measured = {name: build(*jobs[name]) for name in order}
        for name, run in measured.items():
            runs[name].append(run)
    # The fastest of each site's builds: the one the machine's other work disturbed least.
    atlas, baseline = (dict(min(runs[name], key=lambda run: run["cpu_s"]),
                            cpu_runs_s=[run["cpu_s"] for run in runs[name]]) for name in ("atlas", "baseline"))
    print(f"   atlas build: {atlas}", flush=True)
    sizes = site_sizes(atlas_site, practices)
    baseline_pages = len([p for p in baseline_site.rglob("*.html") if p.name != "404.html"])
    baseline_page = baseline_site / "pages" / "page-0" / "index.html"
    baseline.update(pages=baseline_pages, site_mb=round(sum(p.stat().st_size for p in baseline_site.rglob("*") if p.is_file()) / 1e6, 1),
                    page_kb=round(baseline_page.stat().st_size / 1024, 1))
    print(f"   baseline build: {baseline}", flush=True)
    explorer = explorer_timings(atlas_site, data_dir)
    print(f"   explorer: {explorer}", flush=True)
    search = search_downloads(atlas_site)
    print(f"   search: {search}", flush=True)
    # Material's one index file, which a reader of the plain site downloads before any result.
    material_index = baseline_site / "search" / "search_index.json"
    baseline["search_index_gzip_kb"] = round(gzip_size(material_index) / 1024, 1) if material_index.exists() else None
    result = {
        "practices": practices,
        "records": counts,
        "load": load,
        "atlas": atlas,
        "baseline": baseline,
        "sizes": sizes,
        "explorer": explorer,
        "search": search,
        "ratios": {
            "wall": round(atlas["wall_s"] / baseline["wall_s"], 2),
            "cpu": round(atlas["cpu_s"] / baseline["cpu_s"], 2),
            "page_size": round(sizes["practice_page_kb"] / baseline["page_kb"], 2)
            if sizes["practice_page_kb"] else None,
        },
        "per_record_ms": {
            "atlas_wall": round(atlas["wall_s"] / practices * 1000, 1),
            "atlas_cpu": round(atlas["cpu_s"] / practices * 1000, 1),
            "baseline_wall": round(baseline["wall_s"] / practices * 1000, 1),
            "baseline_cpu": round(baseline["cpu_s"] / practices * 1000, 1),
            "atlas_cpu_per_page": round(atlas["cpu_s"] / sizes["pages"] * 1000, 1),
        },
    }
    if not keep_sites:
        for folder in (atlas_site, baseline_dir, data_dir):
            shutil.rmtree(folder, ignore_errors=True)
    return result


START, END = "<!-- bench-results:start -->", "<!-- bench-results:end -->"


def write_into_page(page: Path, report: str) -> None:
    """Replace what stands between the page's two markers with the report."""
    text = page.read_text()
    before, _, rest = text.partition(START)
    _, found, after = rest.partition(END)
    if not found:
        raise SystemExit(f"{page} has no {START} ... {END} markers")
    page.write_text(f"{before}{START}\n\n{report}\n{END}{after}")


def machine() -> dict:
    load1, load5, _ = os.getloadavg()
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": [round(load1, 2), round(load5, 2)],
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="practices per data set, comma-separated")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    parser.add_argument("--keep-sites", action="store_true", help="keep the built sites and data")
    parser.add_argument("--docs", type=Path, metavar="PAGE",
                        help="also write the tables into PAGE between its bench-results markers")
    parser.add_argument("--repeat", type=int, default=2, metavar="N",
                        help="build each site N times per size, alternating, and keep each one's fastest build")
    parser.add_argument("--parallel", action="store_true",
                        help="build the atlas and the baseline of a size at the same time (a busy machine: "
                             "CPU times stay comparable, wall times do not)")
    arguments = parser.parse_args(argv)
    sizes = [int(size) for size in arguments.sizes.split(",") if size.strip()]
    out = arguments.out.resolve()  # the builds run in other folders
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "parallel_builds": arguments.parallel, "repeat": arguments.repeat,
               "sizes": [], "lighthouse": None}
    for practices in sizes:
        results["sizes"].append(measure_size(practices, work, arguments.keep_sites, arguments.parallel,
                                             arguments.repeat))
        (out / "results.json").write_text(json.dumps(results, indent=2))
    if not arguments.no_lighthouse:
        real_site = work / "site-real"
        results["real_build"] = build(ROOT, real_site)
        results["lighthouse"] = lighthouse_scores(real_site, out / "lighthouse")
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()[:2]]
    results["targets"] = check_targets(results)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    report = markdown_report(results)
    (out / "results.md").write_text(report)
    print(report)
    if arguments.docs:
        write_into_page(arguments.docs, report)
        print(f"Updated {arguments.docs}")
    print(f"Written: {out / 'results.json'}, {out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
