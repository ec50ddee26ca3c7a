"""Extract the HTML pages of a folder of WARC files with scraper, under datatrove.

One file for every scale: the same pipeline (scraper's ScraperWarcReader and
ScraperExtractor, datatrove's JsonlWriter) runs here, on a Slurm cluster or on a Ray
cluster; only the executor changes. One task reads a share of the WARC files.

    python samples/datatrove/pipeline.py archive/ out/ --tasks 2 --workers 2
    python samples/datatrove/pipeline.py s3://bucket/crawl/ s3://bucket/text/ \\
        --executor slurm --tasks 512 --partition cpu --logs s3://bucket/logs/
    python samples/datatrove/pipeline.py /shared/crawl/ /shared/text/ \\
        --executor ray --tasks 512 --logs /shared/logs/   # on the Ray cluster's head node

Needs ``pip install 'scraper[datatrove]'`` (and ``ray`` for --executor ray).
"""

from __future__ import annotations

import argparse
from typing import Any

from datatrove.pipeline.writers import JsonlWriter

from scraper.datatrove import ScraperExtractor, ScraperWarcReader


def pipeline(warc_folder: str, out_folder: str, markdown: bool) -> list[Any]:
    # datatrove's own WarcReader fits here too (Common Crawl's archives): it keeps the
    # responses their WARC-Identified-Payload-Type calls HTML
    return [ScraperWarcReader(warc_folder, glob_pattern="*.warc*"),
            ScraperExtractor(markdown=markdown),
            JsonlWriter(out_folder)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warc_folder", help="folder (local, s3://, hf://…) of .warc/.warc.gz files")
    parser.add_argument("out_folder", help="where the .jsonl.gz documents go")
    parser.add_argument("--executor", choices=("local", "slurm", "ray"), default="local")
    parser.add_argument("--tasks", type=int, default=2, help="shares of the input files")
    parser.add_argument("--workers", type=int, default=-1,
                        help="tasks running at once (default: all of them)")
    parser.add_argument("--logs", default="logs/scraper-pipeline",
                        help="datatrove's logging folder: stats, and which tasks are done")
    parser.add_argument("--partition", default="cpu", help="Slurm partition")
    parser.add_argument("--time", default="4:00:00", help="Slurm time limit per task")
    parser.add_argument("--markdown", action="store_true", help="doc.text as Markdown")
    args = parser.parse_args()
    steps = pipeline(args.warc_folder, args.out_folder, args.markdown)
    if args.executor == "slurm":
        from datatrove.executor import SlurmPipelineExecutor

        SlurmPipelineExecutor(pipeline=steps, tasks=args.tasks, workers=args.workers,
                              time=args.time, partition=args.partition,
                              logging_dir=args.logs, job_name="scraper-extract").run()
    elif args.executor == "ray":
        import ray
        from datatrove.executor.ray import RayPipelineExecutor

        ray.init(address="auto")   # the running cluster this node belongs to
        RayPipelineExecutor(pipeline=steps, tasks=args.tasks, workers=args.workers,
                            logging_dir=args.logs).run()
    else:
        from datatrove.executor import LocalPipelineExecutor

        LocalPipelineExecutor(pipeline=steps, tasks=args.tasks, workers=args.workers,
                              logging_dir=args.logs).run()


if __name__ == "__main__":
    main()
