"""The command line's one kind of input error: one line on stderr, exit status 2."""

from __future__ import annotations

import click


class InputError(click.ClickException):
    """A usage or input error: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"error: {self.message}", err=True)
