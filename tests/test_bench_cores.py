"""The bench's scaling and WARC read sections, on a few pages (figures not asserted)."""

from __future__ import annotations

from bench.scaling import run_jobs_scaling, scaling_section
from bench.speed import SpeedPage
from bench.warc_read import run_warc_read, warc_read_section
from warcs import page

PAGES = [SpeedPage(page(f"Page {n}"), f"http://example.com/{n}") for n in range(3)]


def test_both_readers_read_every_page() -> None:
    results = run_warc_read(PAGES, rounds=1)
    assert {(r.reader, r.archive, r.pages) for r in results} == {
        (reader, archive, 3) for reader in ("fastwarc", "warcio") for archive in (".warc.gz", ".warc")}
    assert len([line for line in warc_read_section(results) if line.startswith("| .warc")]) == 4


def test_jobs_runs_compare_their_output() -> None:
    results = run_jobs_scaling(PAGES, rounds=1)
    assert [(r.workers, r.pages, r.identical) for r in results] == [(1, 9, True), (2, 9, True)]
    rows = [line for line in scaling_section(results) if line.startswith("| scraper extract")]
    assert rows[0].endswith("| 1.00× | yes |") and len(rows) == 2
