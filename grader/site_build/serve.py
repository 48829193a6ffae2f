"""``grade site --serve``: the built site over HTTP on this computer, rebuilt when a source changes.

A standard-library HTTP server, bound to 127.0.0.1 only, serves the output folder
(``404.html`` for a missing page, nothing cached by the browser). The main thread polls
the modification times of ``questions/``, ``exercises/``, ``site/`` and the topics table
twice a second and rebuilds the site after a change; formulas already converted are
reused, so a rebuild takes about a second. A rebuild that fails prints its one-line error
and the previous site stays served.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from grader import paths
from grader.site_build import SiteError
from grader.site_build.build import build

WATCHED = ("questions", "exercises", "site", "grader/topics.toml")
POLL_SECONDS = 0.5
HOST = "127.0.0.1"


def serve(output: Path, port: int, say: Callable[[str], None], stop: threading.Event | None = None) -> None:
    """Serve ``output`` until Ctrl-C (or ``stop`` is set), rebuilding it when a source changes."""
    handler = partial(SiteHandler, directory=str(output.absolute()))
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as e:
        raise SiteError(f"cannot serve on port {port}: {e.strerror or e} (choose another with --port)") from None
    with server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        say(f"Serving at http://{HOST}:{server.server_address[1]}/ and rebuilding when questions/, exercises/ "
            f"or site/ change; Ctrl-C stops.")
        try:
            watch(output, say, stop or threading.Event())
        except KeyboardInterrupt:
            say("Stopped.")
        finally:
            server.shutdown()


def watch(output: Path, say: Callable[[str], None], stop: threading.Event) -> None:
    """Rebuild ``output`` whenever the sources' modification times change, until ``stop`` is set."""
    seen = snapshot()
    while not stop.wait(POLL_SECONDS):
        current = snapshot()
        if current == seen:
            continue
        seen = current
        try:
            built = build(output)
        except SiteError as e:
            say(f"error: {e} (still serving the previous site)")
        else:
            say(f"{time.strftime('%H:%M:%S')} rebuilt {built.pages} pages in {built.seconds:.1f} s")


def snapshot() -> dict[Path, int]:
    """Modification time of every source file of the site."""
    root = paths.course_root()
    times = {}
    for name in WATCHED:
        path = root / name
        for file in [path] if path.is_file() else path.rglob("*"):
            try:
                times[file] = file.stat().st_mtime_ns
            except OSError:  # removed while we looked
                continue
    return times


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files of the site; its 404 page for a missing one; no caching; no log line per request."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass
