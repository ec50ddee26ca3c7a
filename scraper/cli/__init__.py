"""The ``scraper`` command line: ``main(argv)`` returns the exit code.

Each subcommand lives in its own module exposing ``NAME``, ``HELP``, ``DESCRIPTION``,
``add_arguments(parser)`` and ``run(args) -> int``. This is the only place that
configures logging.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from ..errors import OutputError
from .exits import EXIT_INTERRUPTED, EXIT_SOME_FAILED, EXIT_USAGE

# Subcommand modules, in the order --help lists them.
COMMANDS = ("extract_cmd", "fetch_cmd", "explain_cmd", "crawl_cmd", "check_config_cmd", "state_cmd")

EPILOG = """\
exit codes:
  0   every input succeeded
  1   some inputs failed (each has an error record in the output)
  2   usage or configuration error (nothing was fetched)
  75  another crawl holds the lock (try again later)
  130 interrupted (Ctrl-C)

Run 'scraper COMMAND --help' for the options of one command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scraper",
        description="Fetch news and portal pages, strip the boilerplate, write articles as JSON Lines.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output on stderr (-vv for debug)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="only errors on stderr (for cron)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name}")
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.DESCRIPTION,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(cmd)
        cmd.set_defaults(handler=module.run)
    return parser


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    configure_logging(args.verbose, args.quiet)
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        raise
    except (OutputError, OSError) as exc:
        # The machine's fault, not an input's (a full disk, an unwritable folder): one
        # line saying what failed and where, for cron's mail, not a traceback.
        print(f"scraper {args.command}: {_machine_error(exc)}", file=sys.stderr)
        return EXIT_SOME_FAILED


def _machine_error(exc: OutputError | OSError) -> str:
    if isinstance(exc, OutputError) or exc.strerror is None:
        return str(exc)
    where = f" on {exc.filename}" if exc.filename else ""
    return f"{exc.strerror}{where} (errno {exc.errno})"


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``scraper state | head``): stop quietly, as Unix tools
        # do. Point stdout at devnull so the interpreter's final flush cannot fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_SOME_FAILED
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    sys.exit(code)
