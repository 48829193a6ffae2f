"""Markdown of the question bank (with ``$...$`` math) turned into HTML for documents and exports.

Two math modes: ``print`` sets linear formulas as HTML text (``grader.math_html``) and
draws the others at build time with ziamath (STIX Two Math glyphs as vector paths), so
PDFs and offline HTML need no math fonts or scripts; and
``tex`` keeps the formula as ``\\(...\\)`` / ``\\[...\\]`` for an LMS or Anki, whose own
MathJax typesets it. Code blocks are highlighted with Pygments on request (on paper,
plain monospace prints as well and lays out several times faster).
"""

from __future__ import annotations

import base64
import html
import re
import warnings
from functools import cache
from typing import Any, Literal

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from grader import math_html

MathMode = Literal["print", "tex"]
MATH_SIZE = 16.0  # ziamath's drawing size; the picture is scaled to 1 em of the surrounding text


class MathError(ValueError):
    """A formula that the math renderer cannot draw."""


def to_html(text: str, math: MathMode = "print", inline: bool = False, highlight: bool = True) -> str:
    """HTML for a Markdown fragment; ``inline`` drops the enclosing paragraph of one-paragraph text."""
    rendered = _parser(math, highlight).render(text)
    if inline and rendered.count("<p>") == 1 and rendered.startswith("<p>"):
        rendered = rendered.removeprefix("<p>").removesuffix("</p>\n")
    return rendered


@cache
def _parser(math: MathMode, highlight: bool) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"highlight": _highlight if highlight else None}).enable("table")
    render = _print_math if math == "print" else _tex_math
    dollarmath_plugin(parser, allow_space=True, allow_digits=True, double_inline=True, renderer=render)
    # the formula alone, without the plugin's wrapping <span>: every inline box costs PDF layout time
    for rule, display in (("math_inline", False), ("math_inline_double", True)):
        parser.add_render_rule(rule, lambda _self, tokens, i, _options, _env, display=display:
                               render(tokens[i].content, {"display_mode": display}))
    return parser


def _tex_math(latex: str, options: dict[str, Any]) -> str:
    opening, closing = (r"\[", r"\]") if options.get("display_mode") else (r"\(", r"\)")
    return html.escape(f"{opening}{latex}{closing}", quote=False)


def _print_math(latex: str, options: dict[str, Any]) -> str:
    if options.get("display_mode"):
        return f'<div class="math-display">{formula_image(latex.strip(), True)}</div>'
    return math_html.to_html(latex) or formula_image(latex.strip())


@cache
def formula_image(latex: str, display: bool = False) -> str:
    """An ``<img>`` with the formula as SVG, sized in em and sitting on the text's baseline."""
    with warnings.catch_warnings():  # ziamath 0.13 loads its font with a deprecated importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        import ziamath

    try:
        drawing = ziamath.Latex(latex, size=MATH_SIZE, mathstyle="display" if display else None)
        svg = drawing.svg()
    except Exception as e:  # ziamath raises many kinds of errors on bad input
        raise MathError(f"cannot render formula ${latex}$: {e}") from None
    top, height = _box(svg)
    depth = height + top  # the viewBox starts at minus the ascent; the baseline is y = 0
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<img class="math" alt="{html.escape(latex)}" style="height:{height / MATH_SIZE:.3f}em;'
            f'vertical-align:{-depth / MATH_SIZE:.3f}em" src="data:image/svg+xml;base64,{data}">')


def _box(svg: str) -> tuple[float, float]:
    match = re.search(r'viewBox="[-\d.]+ ([-\d.]+) [-\d.]+ ([-\d.]+)"', svg)
    if not match:
        raise MathError("the math renderer returned an SVG without a viewBox")
    return float(match.group(1)), float(match.group(2))


def _highlight(code: str, language: str, _attributes: str) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language or "text")
    except ClassNotFound:
        return ""  # markdown-it escapes the code itself
    return highlight(code, lexer, HtmlFormatter(nowrap=True))


def highlight(code: str, language: str) -> str:
    """Pygments spans for ``code`` (no ``<pre>``), or "" for a language Pygments does not know."""
    return _highlight(code, language, "")


def pygments_css() -> str:
    """The stylesheet for highlighted code (a light theme that prints well)."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style="default").get_style_defs("pre code")
