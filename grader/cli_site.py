"""``grade site``: build the static reading site, or serve it locally and rebuild it on every change."""

from __future__ import annotations

from pathlib import Path

import click

from grader.cli_errors import InputError


@click.command("site")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("_site"), show_default=True,
              help="Folder of the site (replaced as a whole by each build).")
@click.option("--serve", is_flag=True, help="Serve the site on this computer and rebuild it when a source changes.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port of --serve (0 picks a free one).")
@click.pass_context
def site_command(ctx: click.Context, output: Path, serve: bool, port: int) -> None:
    """Build the static reading site (topics, a ticket to draw, search), or serve it with --serve."""
    from grader.site_build import SiteError, build

    if not serve and ctx.get_parameter_source("port") is not click.core.ParameterSource.DEFAULT:
        raise InputError("--port only makes sense with --serve")
    try:
        built = build.build(output)
    except SiteError as e:
        raise InputError(str(e)) from None
    click.echo(f"Built {built.pages} pages ({built.topics} topics) in {built.seconds:.1f} s: "
               f"open {(output / 'index.html').resolve().as_uri()}")
    if serve:
        from grader.site_build import serve as server

        try:
            server.serve(output, port, click.echo)
        except SiteError as e:
            raise InputError(str(e)) from None


COMMANDS = (site_command,)
