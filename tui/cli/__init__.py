"""The command line's subcommands, one module per group; each has `register(subparsers)`.

A handler takes the parsed arguments and returns an exit code. It raises `UserError`
(or one of the errors `tui.cli.main.user_errors()` lists) for a person's mistake: the
command line prints its sentence, without a traceback.
"""


class UserError(Exception):
    """A mistake in what the person asked for, explained in a sentence."""
