"""Exit codes shared by every subcommand."""

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2          # bad arguments or configuration; nothing was done
EXIT_LOCKED = 75        # EX_TEMPFAIL: another run holds the lock
EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report a Ctrl-C
