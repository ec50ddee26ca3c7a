"""Worker functions that kill their own process, for the crash-containment tests.

A module of its own so that worker processes started by a fork server can import it.
"""

from __future__ import annotations

import os
import signal

from scraper.batch import Done, Job, run_job
from scraper.overrides import PageJob, extract_job

# A page holding this text kills the worker process that extracts it.
KILL_MARK = "KILL-THIS-WORKER"


def extract_or_die(job: PageJob | None) -> object:
    """``extract_job``, except that a page with ``KILL_MARK`` dies as a native crash would."""
    if job is not None and KILL_MARK.encode() in job[0]:
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_job(job)


def run_or_die(job: Job) -> Done:
    """``run_job``, except that an input with ``KILL_MARK`` dies as a native crash would."""
    data = job.content if job.content is not None else open(job.path or job.input, "rb").read()
    if KILL_MARK.encode() in data:
        os.kill(os.getpid(), signal.SIGKILL)
    return run_job(job)
