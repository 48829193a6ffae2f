"""Simple formulas as plain HTML text: italic letters, sub- and superscripts, Unicode operators.

Most formulas of the bank are linear (``$x_i$``, ``$\\sigma(z) \\approx 0.73$``, ``$\\sqrt{d}$``,
``$\\hat y$``): set as HTML text they print crisply, are found by a PDF's text search and
cost nothing to lay out. ``to_html`` parses LaTeX with latex2mathml and returns ``None``
for anything outside the linear subset (fractions, big operators with limits, matrices,
accents over several letters), which the caller draws as a picture.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ElementTree

import latex2mathml.converter

ACCENTS = {"^": "\u0302", "\u00af": "\u0304", "~": "\u0303", "\u02d9": "\u0307", "\u2015": "\u0305"}  # combining marks
SPACED = set("=+<>≈≤≥≠×·→←∈∼∝≪≫⇔↦∣⊙⊗∘±∓") | {"\u2212", "\u22c5"}  # binary operators and relations
VARIANTS = {  # mathvariant -> a Unicode alphabet where one exists
    "double-struck": dict(zip("RNZQC", "ℝℕℤℚℂ", strict=True)),
    "script": dict(zip("LHEFBIMR", "ℒℋℰℱℬℐℳℛ", strict=True)),
}
THIN = "\u202f"  # narrow no-break space: a formula never breaks at its operators


class _NotLinear(Exception):
    """The formula needs two-dimensional layout."""


def to_html(latex: str) -> str | None:
    """The formula as HTML text, or None when it needs two-dimensional layout."""
    try:
        root = ElementTree.fromstring(latex2mathml.converter.convert(latex))
        return _children(root).replace("</i><i>", "")  # as few inline boxes as possible: they cost PDF layout
    except _NotLinear:
        return None
    except Exception:  # latex2mathml raises many kinds of errors; the picture renderer reports them
        return None


def _tag(node: ElementTree.Element) -> str:
    return node.tag.rsplit("}", 1)[-1]


def _children(node: ElementTree.Element) -> str:
    children = list(node)
    out = []
    for before, child, after in zip([None, *children], children, [*children[1:], None], strict=False):
        unary = _tag(child) == "mo" and (before is None or _tag(before) == "mo")
        out.append(_node(child).strip(THIN) if unary else _node(child))  # "−1", "(1, −1)"
        if _is_function_name(child) and after is not None and _tag(after) in ("mi", "mn"):
            out.append(THIN)  # "log p", not "logp"
    return "".join(out)


def _is_function_name(node: ElementTree.Element) -> bool:
    return _tag(node) == "mi" and len(node.text or "") > 1


def _node(node: ElementTree.Element) -> str:
    tag, text = _tag(node), node.text or ""
    if tag in ("mrow", "mstyle", "math"):
        return _children(node)
    if tag == "mi":
        return _identifier(text, node.get("mathvariant"))
    if tag == "mn":
        return html.escape(text)
    if tag == "mo":
        symbol = "\u2212" if text == "-" else text
        if symbol in SPACED:
            return f"{THIN}{html.escape(symbol)}{THIN}"
        return f"{symbol}{THIN}" if symbol in ",;" else html.escape(symbol)
    if tag == "mtext":
        return html.escape(text)
    if tag == "mspace":
        return THIN
    if tag == "msqrt":
        return f'√<span class="radicand">{_children(node)}</span>'
    if tag == "mover":
        return _accent(node)
    parts = [_node(child) for child in node]
    if tag == "msub":
        return f"{parts[0]}<sub>{parts[1]}</sub>"
    if tag == "msup":
        return f"{parts[0]}<sup>{parts[1]}</sup>"
    if tag == "msubsup":
        return f"{parts[0]}<sub>{parts[1]}</sub><sup>{parts[2]}</sup>"
    raise _NotLinear(tag)


def _accent(node: ElementTree.Element) -> str:
    """A hat, bar, tilde or dot over one letter, as a combining mark after it."""
    base, mark = list(node)
    letters = [n for n in base.iter() if _tag(n) == "mi"]
    if _tag(mark) != "mo" or mark.text not in ACCENTS or len(letters) != 1 or len(letters[0].text or "") != 1 \
            or any(_tag(n) not in ("mi", "mrow") for n in base.iter()):
        raise _NotLinear("accent")
    return _identifier(letters[0].text + ACCENTS[mark.text], letters[0].get("mathvariant"))


def _identifier(text: str, variant: str | None) -> str:
    if variant in VARIANTS:
        if any(c not in VARIANTS[variant] for c in text):
            raise _NotLinear(variant)
        return "".join(VARIANTS[variant][c] for c in text)
    if variant not in (None, "normal", "italic", "bold") or any("\U0001d400" <= c <= "\U0001d7ff" for c in text):
        raise _NotLinear(variant)  # the Mathematical Alphanumeric Symbols are missing from text fonts
    escaped = html.escape(text)
    if variant == "bold":
        return f"<b>{escaped}</b>"
    letter = text[:1]
    if variant != "normal" and len(text.rstrip("\u0302\u0304\u0303\u0307\u0305")) == 1 \
            and (letter.isascii() and letter.isalpha() or "α" <= letter <= "ω"):
        return f"<i>{escaped}</i>"  # Latin and lowercase Greek letters are italic
    return escaped  # upright: \mathrm, function names (log, tanh), ℝ, Γ
