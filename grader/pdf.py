"""HTML to PDF with WeasyPrint: A4, fonts embedded, the same input always giving the same bytes.

WeasyPrint needs Pango (and HarfBuzz's subsetter for reproducible font subsets): setup.sh
installs both on Debian and Ubuntu. Nothing is fetched: a page may only use data: URLs.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor


class PdfError(Exception):
    """WeasyPrint (or the system libraries it needs) is not usable here."""


def from_html(html: str) -> bytes:
    """The PDF of a self-contained HTML page; no file, network or clock is read."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: Pango missing
        raise PdfError(f"PDF output needs WeasyPrint and Pango ({e}); run ./setup.sh, "
                       f"or ask for --format html or md") from None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint.urls import URLFetcher

    only_data = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return HTML(string=html, url_fetcher=only_data).write_pdf()


Page = Callable[[], str]  # builds the HTML of one part: a picklable functools.partial


class Printer:
    """Prints HTML to PDF; with cores to spare, in forked workers started and warmed at once.

    Open it before slow preparation (loading the bank, drawing) so that the workers import
    WeasyPrint meanwhile. Without ``fork`` (or with one core) it prints in this process.
    """

    def __init__(self, workers: int | None = None) -> None:
        workers = workers or os.cpu_count() or 1
        self._pool = None
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            for _ in range(workers):
                self._pool.submit(_warm)

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *_exception: object) -> None:
        if self._pool:
            self._pool.shutdown(cancel_futures=True)

    def documents(self, chunked: list[list[Page]]) -> list[bytes]:
        """Each document printed part by part (in parallel) and the parts joined in order."""
        parts = [page for document in chunked for page in document]
        if self._pool:
            printed = iter([future.result() for future in [self._pool.submit(_print, page) for page in parts]])
        else:
            printed = iter([_print(page) for page in parts])
        return [_join([next(printed) for _ in document]) for document in chunked]


def _print(page: Page) -> bytes:
    return from_html(page())


def _warm() -> None:
    from_html("<p></p>")  # imports WeasyPrint and loads the fonts


def _join(parts: list[bytes]) -> bytes:
    if len(parts) == 1:
        return parts[0]
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
