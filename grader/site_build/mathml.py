"""Formulas as MathML, converted from LaTeX at build time with latex2mathml.

Browsers render MathML Core themselves (Chromium 109+, Firefox, Safari): no fonts or
scripts to ship, nothing to fetch, and it works from ``file://``. latex2mathml lacks a
few commands the bank uses, which are rewritten first (``aligned`` as ``align*``,
``\\arg``, sized ``\\|``/``\\{`` delimiters); and it passes some mistakes through silently
(an unknown ``\\command`` becomes a letter, ``&`` outside a table becomes text), which
``to_mathml`` turns into ``FormulaError`` so that a page never shows a broken formula.
A function name gets TeX's thin space before its argument.
"""

from __future__ import annotations

import re
from functools import cache

import latex2mathml.converter

# rewritten before conversion: (pattern, replacement)
REWRITES = (
    (re.compile(r"\\(begin|end)\{aligned\}"), r"\\\1{align*}"),
    (re.compile(r"\\arg(?![a-zA-Z])"), r"\\operatorname{arg}"),
)
# delimiters that latex2mathml leaves as LaTeX inside <mo> after \bigl, \Bigr, ...
DELIMITERS = {"\\{": "{", "\\}": "}", "\\|": "\u2016", "\\Vert": "\u2016", "\\lVert": "\u2016", "\\rVert": "\u2016",
              "\\vert": "|", "\\lvert": "|", "\\rvert": "|", "\\langle": "\u27e8", "\\rangle": "\u27e9"}
SIZED_DELIMITER = re.compile(r"(<mo[^>]*>)(\\[a-zA-Z]+|\\[{}|])(</mo>)")
# a function name such as \\log before its argument: TeX's thin space ("log p", not "logp")
FUNCTION_NAME = re.compile(r"(<mi>[a-z]{2,}</mi>)(?=<(?:mi|mn|msub|msup|msubsup)[ >])")
LEFTOVER_COMMAND = re.compile(r"<m(?:i|o|n|text)[^>]*>(\\[a-zA-Z]+|\\.)</m")


class FormulaError(ValueError):
    """A formula that cannot be shown as MathML; the message says why."""


@cache
def to_mathml(latex: str, display: bool = False) -> str:
    """The ``<math>`` element for ``latex``; FormulaError when it cannot be converted faithfully."""
    source = latex.strip()
    if not source:
        raise FormulaError("the formula is empty")
    _check_braces(source)
    for pattern, replacement in REWRITES:
        source = pattern.sub(replacement, source)
    try:
        mathml = latex2mathml.converter.convert(source, display="block" if display else "inline")
    except Exception as e:  # latex2mathml raises many kinds of errors on bad input
        raise FormulaError(_describe(e)) from None
    mathml = SIZED_DELIMITER.sub(lambda m: m.group(1) + DELIMITERS.get(m.group(2), m.group(2)) + m.group(3), mathml)
    leftover = LEFTOVER_COMMAND.search(mathml)
    if leftover:
        raise FormulaError(f"unknown command {leftover.group(1)}")
    if "<mi>&</mi>" in mathml:
        raise FormulaError("'&' outside an aligned, cases or matrix environment")
    if 'linebreak="newline"' in mathml:
        raise FormulaError("'\\\\' outside an aligned, cases or matrix environment")
    mathml = FUNCTION_NAME.sub(r'\1<mspace width="0.1667em"></mspace>', mathml)
    return mathml.replace(' xmlns="http://www.w3.org/1998/Math/MathML"', "", 1)  # HTML needs no namespace


def _check_braces(source: str) -> None:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", source):
        token = match.group()
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth < 0:
            raise FormulaError("a '}' closes no group")
    if depth:
        raise FormulaError("a '{' is never closed")


def _describe(error: Exception) -> str:
    name = re.sub(r"(?<!^)([A-Z])", r" \1", type(error).__name__).lower().removesuffix(" error")
    detail = str(error).strip()
    return f"{name}{f' ({detail})' if detail else ''}"
