"""The benchmark's markdown report: accuracy, zh-dev metadata, speed, and the targets."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .accuracy import EngineResult
from .engines import FLOOR, META_FIELDS, OURS, OURS_MARKDOWN, SPEED_PEER, SPEED_PEER_SAME_FIELDS
from .hostile import (BUDGET_BASE_SECONDS, BUDGET_SECONDS_PER_MB, MEMORY_MAX_MB, PEER_RATIO_MAX,
                      HostileResult, hostile_met, hostile_table)
from .metadata import FieldScore
from .speed import SpeedResult
from .structure import StructureScore, structure_table

# The quality and speed floors the engine is held to (all measured in the same run).
ZH_BODY_F1_MIN = 0.985      # zh-dev body F1, and above every peer
TITLE_SHARE_MIN = 0.95      # zh-dev: title exactly right on this share of pages
FIELD_SHARE_MIN = 0.90      # zh-dev: published/source/author right where the page states them
AEB_BODY_F1_MIN = 0.970     # aeb body F1, and above trafilatura
TRAFI_F1_MIN = 0.925        # trafi segment F1, and above trafilatura
DRAGNET_BODY_F1_MIN = 0.940  # dragnet body F1, and above every peer
SPEEDUP_MIN = 5.0           # pages/s relative to trafilatura
MARKDOWN_COST_MAX = 0.25    # --markdown: at most this much more CPU than the text alone


@dataclass(frozen=True)
class Target:
    text: str
    value: str
    met: bool


def _f(x: float) -> str:
    return f"{x:.3f}"


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def accuracy_table(results: list[EngineResult]) -> list[str]:
    rows = []
    for r in results:
        b = r.body
        f1 = _f(b.get("f1", 0.0)) + (f" ±{b['f1_std']:.3f}" if "f1_std" in b else "")
        doc_f1 = _f(b["doc_f1"]) if "doc_f1" in b else "–"
        rows.append([r.dataset, r.engine, str(r.scores["pages"]), _f(b.get("precision", 0.0)),
                     _f(b.get("recall", 0.0)), f1, doc_f1, str(b.get("empty", 0)),
                     str(r.errors)])
    return _table(["dataset", "engine", "pages", "P", "R", "F1", "docF1", "empty", "errors"],
                  rows)


def _share(score: FieldScore | None) -> str:
    if score is None:
        return "n/a"
    return f"{score.right}/{score.stated} ({score.share:.0%})"


def metadata_table(results: list[EngineResult]) -> list[str]:
    rows = []
    for r in results:
        if not r.metadata:
            continue
        cells = [_share(r.metadata.get(name)) for name in META_FIELDS]
        false_pos = "/".join(str(r.metadata[n].false_positives) if n in r.metadata else "–"
                             for n in META_FIELDS[1:])
        rows.append([f"{r.dataset}: {r.engine}", *cells, false_pos])
    if not rows:
        return []
    return _table(["engine", *META_FIELDS, "false positives (published/source/author)"], rows)


def speed_table(results: list[SpeedResult]) -> list[str]:
    by_name = {r.engine: r for r in results}
    peer, floor = by_name.get(SPEED_PEER), by_name.get(FLOOR)
    rows = []
    for r in results:
        vs_peer = f"{r.pages_per_second / peer.pages_per_second:.2f}×" if peer else "–"
        floor_ratio = f"{floor.pages_per_second / r.pages_per_second:.2f}" if floor else "–"
        rows.append([r.engine, str(r.pages), f"{r.cpu_seconds:.2f}",
                     f"{r.pages_per_second:.1f}", f"{r.wall_pages_per_second:.1f}",
                     vs_peer, floor_ratio])
    return _table(["engine", "pages", "CPU s", "pages/s (CPU)", "pages/s (wall)",
                   f"÷ {SPEED_PEER}", f"{FLOOR} ÷ engine"], rows)


def _find(results: list[EngineResult], dataset: str, engine: str) -> EngineResult | None:
    return next((r for r in results if r.dataset == dataset and r.engine == engine), None)


def _f1_target(results: list[EngineResult], dataset: str, floor: float | None,
               peers: Callable[[str], bool]) -> Target | None:
    ours = _find(results, dataset, OURS)
    if ours is None:
        return None
    others = [r for r in results if r.dataset == dataset and r.engine != OURS and peers(r.engine)]
    value = ours.body.get("f1", 0.0)
    best_peer = max((r.body.get("f1", 0.0) for r in others), default=None)
    parts = [f"{dataset} body F1"]
    if floor is not None:
        parts.append(f">= {floor}")
    parts.append("above " + (", ".join(r.engine for r in others) or "no peer measured"))
    met = (floor is None or value >= floor) and (best_peer is None or value > best_peer)
    shown = _f(value) + (f" (best peer {_f(best_peer)})" if best_peer is not None else "")
    return Target(" ".join(parts), shown, met)


def targets(accuracy: list[EngineResult], speed: list[SpeedResult],
            hostile: Sequence[HostileResult] = ()) -> list[Target]:
    found: list[Target | None] = [
        _f1_target(accuracy, "zh-dev", ZH_BODY_F1_MIN, lambda e: True),
        _f1_target(accuracy, "aeb", AEB_BODY_F1_MIN, lambda e: e == SPEED_PEER),
        _f1_target(accuracy, "trafi", TRAFI_F1_MIN, lambda e: e == SPEED_PEER),
        _f1_target(accuracy, "dragnet", DRAGNET_BODY_F1_MIN, lambda e: True),
    ]
    zh = _find(accuracy, "zh-dev", OURS)
    if zh and zh.metadata:
        for name in META_FIELDS:
            floor = TITLE_SHARE_MIN if name == "title" else FIELD_SHARE_MIN
            score = zh.metadata[name]
            found.append(Target(f"zh-dev {name} right on >= {floor:.0%} of pages stating it",
                                _share(score), score.share >= floor))
    by_name = {r.engine: r for r in speed}
    if OURS in by_name and SPEED_PEER in by_name:
        ratio = by_name[OURS].pages_per_second / by_name[SPEED_PEER].pages_per_second
        found.append(Target(f"throughput >= {SPEEDUP_MIN:g}× {SPEED_PEER}", f"{ratio:.2f}×",
                            ratio >= SPEEDUP_MIN))
    if OURS in by_name and OURS_MARKDOWN in by_name:
        cost = by_name[OURS_MARKDOWN].cpu_seconds / by_name[OURS].cpu_seconds - 1
        found.append(Target(f"--markdown costs <= {MARKDOWN_COST_MAX:.0%} more CPU than text",
                            f"{cost:+.1%}", cost <= MARKDOWN_COST_MAX))
    if hostile:
        met = hostile_met(list(hostile))
        found.append(Target("every hostile page within its budget", f"{sum(met)}/{len(met)}",
                            all(met)))
    return [t for t in found if t is not None]


def render(header: list[str], accuracy: list[EngineResult], speed: list[SpeedResult],
           structure: list[StructureScore] | None = None,
           hostile: Sequence[HostileResult] = ()) -> str:
    lines = [*header, ""]
    if accuracy:
        lines += ["### Body accuracy", "", *accuracy_table(accuracy), ""]
        meta = metadata_table(accuracy)
        if meta:
            lines += ["### Metadata (pages right / pages whose truth states the field)", "",
                      *meta, ""]
    if speed:
        lines += ["### Speed (same pages, one process, decoding included)", "",
                  *speed_table(speed), ""]
        by_name = {r.engine: r for r in speed}
        if OURS in by_name and SPEED_PEER in by_name:
            lines.append(f"{OURS} ÷ {SPEED_PEER}: "
                         f"{by_name[OURS].pages_per_second / by_name[SPEED_PEER].pages_per_second:.2f}×")
        if OURS in by_name and SPEED_PEER_SAME_FIELDS in by_name:
            same = by_name[SPEED_PEER_SAME_FIELDS]
            lines.append(f"{OURS} ÷ {SPEED_PEER_SAME_FIELDS}: "
                         f"{by_name[OURS].pages_per_second / same.pages_per_second:.2f}× "
                         "(the peer also extracting title, date and author, as ours always does)")
        if OURS in by_name and FLOOR in by_name:
            lines.append(f"{FLOOR} ÷ {OURS}: "
                         f"{by_name[FLOOR].pages_per_second / by_name[OURS].pages_per_second:.2f}× "
                         "(how far ours is from a bare parse)")
        lines.append("")
    if structure:
        lines += ["### Structure kept in Markdown (source-article items kept as the same kind)",
                  "", *structure_table(structure), ""]
    if hostile:
        lines += ["### Hostile pages (each page and engine in a fresh process)", "",
                  *hostile_table(list(hostile)), "",
                  f"Budget: {BUDGET_BASE_SECONDS:g} s plus {BUDGET_SECONDS_PER_MB:g} s per MB "
                  f"of page, at most about {PEER_RATIO_MAX:g}× trafilatura's time, under "
                  f"{MEMORY_MAX_MB} MB; \"truncated\" is what our record says was cut.", ""]
    found = targets(accuracy, speed, hostile)
    if found:
        lines += ["### Targets", "",
                  *_table(["target", "value", "met"],
                          ([t.text, t.value, "yes" if t.met else "**no**"] for t in found)), ""]
    return "\n".join(lines)
