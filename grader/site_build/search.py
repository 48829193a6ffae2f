"""The search index: every section's text, and its words folded and stemmed, shipped as a script.

Documents are the ``##`` sections of every topic page. Their words are folded (lower
case, ё → е) and stemmed here with the Snowball Russian stemmer (``snowballstemmer``,
which runs PyStemmer's C build of it when installed); the search page builds a lunr.js
index from these terms when it opens (half a second), folds and stems a query with the
same algorithm (lunr-languages' ``lunr.ru.js``) and matches each word as a prefix of the
indexed stems, so «свёрточные» finds «сверточная сеть» and «забывающий» finds «вентиль
забывания». The data is a script that assigns a global, because ``fetch()`` of a JSON
file is blocked on ``file://``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

WORD = re.compile(r"\w+")
GLOBAL = "DL_SEARCH"  # the name site/static/search.js reads


@dataclass(frozen=True)
class Document:
    url: str  # "25-lstm.html#ячейка-lstm"
    page: str  # the page's title
    title: str  # the section's title ("" for the top of the page)
    text: str


def index_script(documents: Iterable[Document]) -> bytes:
    """``search-index.js``: per section its address, titles and text (for snippets) and its index terms."""
    data = [{"url": d.url, "page": d.page, "title": d.title, "text": d.text,
             "titleTerms": " ".join(terms(f"{d.page} {d.title}")), "terms": " ".join(terms(d.text))}
            for d in documents]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL} = {payload};\n".encode()


def terms(text: str) -> list[str]:
    """The index terms of a text: its words folded and stemmed."""
    return [_stem(word) for word in WORD.findall(text.lower())]


@cache
def _stem(word: str) -> str:
    return _stemmer().stemWord(word.replace("ё", "е"))


@cache
def _stemmer():  # noqa: ANN202 - snowballstemmer's or PyStemmer's class
    import snowballstemmer

    return snowballstemmer.stemmer("russian")
