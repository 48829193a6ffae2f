"""Markdown of the bank rendered for the site: MathML formulas, highlighted code, heading anchors.

One markdown-it parser (CommonMark, tables, ``$...$``/``$$...$$`` math, heading ids with
permalinks) renders a topic's body and the fragments of its blocks (question texts,
answers, task statements). ``task`` and ``question`` fences are replaced by the HTML the
caller built for them (looked up by the fence's line in the page file). Mentions such as
«см. тему 24» link to that topic's page. Alongside the HTML come the table of contents
and each ``##`` section's plain text, which the search index is built from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from latex2mathml.symbols_parser import convert_symbol
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin

from grader import markup
from grader.site_build import SiteError
from grader.site_build.mathml import FormulaError, to_mathml

BLOCK_KINDS = ("task", "question")
# «тему 24», «темы 8 и 9», «темах 2, 8–9»: group 1 the word, group 2 the numbers
TOPIC_MENTION = re.compile(r"(?<!\w)(тем(?:а|е|у|ы|ой|ам|ами|ах)\s+)"
                           r"(\d{1,2}(?:(?:,\s*|\s+и\s+|\s*[–-]\s*)\d{1,2})*)(?!\d)")
NUMBER = re.compile(r"\d+")
FIGURE = re.compile(r'<p><img src="([^"]+)" alt="([^"]*)" /></p>')
TEX_COMMAND = re.compile(r"\\([a-zA-Z]+|.)")


@dataclass(frozen=True)
class Fragment:
    """A rendered piece of Markdown and its words."""

    html: Markup
    text: str


@dataclass(frozen=True)
class Block:
    """The site's rendering of a ``task`` or ``question`` fence, and its text for search."""

    html: Markup
    text: str


@dataclass
class Section:
    """A ``##`` section (or the text before the first one, with an empty id): for search."""

    id: str
    title: str
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.words)).strip()


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    html: Markup


@dataclass(frozen=True)
class Rendered:
    html: Markup
    headings: tuple[Heading, ...]
    sections: tuple[Section, ...]
    images: frozenset[str]


@dataclass(frozen=True)
class Renderer:
    """Renders Markdown of one bank; ``links`` pairs topic numbers with their page files.

    Results are kept (by their inputs) for the next build in this process: ``grade site
    --serve`` renders again only the pages and blocks that changed.
    """

    links: tuple[tuple[int, str], ...]

    def page(self, text: str, path: Path, first_line: int, blocks: dict[int, Block], title: str) -> Rendered:
        """A page body whose first line is line ``first_line`` of ``path``; fences replaced by ``blocks``."""
        return _page(self, text, path, first_line, tuple(sorted(blocks.items())), title)

    def fragment(self, text: str, path: Path, line: int, inline: bool = False) -> Fragment:
        """A question's text, answer or choice, or a task statement, from the block at ``line`` of ``path``."""
        return _fragment(self, text, path, line, inline)

    def parse(self, text: str, env: dict[str, Any]) -> list[Token]:
        """Tokens of ``text``, with «тема N» mentions linked and each inline formula's line noted."""
        tokens = self.md.parse(text, env)
        for token in tokens:
            if token.children:
                self._link_topics(token)
                line = token.map[0] if token.map else 0
                for child in token.children:  # an inline formula's line: its block's, plus the breaks before it
                    line += child.type in ("softbreak", "hardbreak")
                    child.meta["line"] = line
        return tokens

    @property
    def md(self) -> MarkdownIt:
        return _parser()

    def _link_topics(self, inline: Token) -> None:
        children, depth = [], 0
        for child in inline.children:
            depth += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            children += self._topic_links(child) if child.type == "text" and not depth else [child]
        inline.children = children

    def _topic_links(self, token: Token) -> list[Token]:
        pieces, start = [], 0
        for mention in TOPIC_MENTION.finditer(token.content):
            for number in NUMBER.finditer(mention.group(2)):
                target = dict(self.links).get(int(number.group()))
                if target is None:
                    continue
                begin = mention.start() if number.start() == 0 else mention.start(2) + number.start()
                end = mention.start(2) + number.end()
                pieces += [_text(token.content[start:begin]), Token("link_open", "a", 1, attrs={"href": target}),
                           _text(token.content[begin:end]), Token("link_close", "a", -1)]
                start = end
        return [token] if not pieces else [*pieces, _text(token.content[start:])]

    def headings(self, tokens: list[Token], env: dict[str, Any]) -> list[Heading]:
        """The ``##`` and ``###`` headings for the table of contents, without their permalinks."""
        headings = []
        for opening, inline in zip(tokens, tokens[1:], strict=False):
            if opening.type == "heading_open" and opening.attrGet("id"):
                children = [c for c in inline.children if c.meta.get("permalink") is None]
                html = self.md.renderer.renderInline(children, self.md.options, env)
                headings.append(Heading(int(opening.tag[1]), str(opening.attrGet("id")), Markup(html.strip())))
        return headings


@lru_cache(maxsize=256)
def _page(renderer: Renderer, text: str, path: Path, first_line: int, blocks: tuple[tuple[int, Block], ...],
          title: str) -> Rendered:
    md = renderer.md
    env = {"path": path, "line": first_line, "offset": first_line - 1, "blocks": dict(blocks), "images": set()}
    tokens = renderer.parse(text, env)
    html = FIGURE.sub(r'<figure><a href="\1"><img src="\1" alt="\2" loading="lazy"></a>'
                      r'<figcaption>\2</figcaption></figure>', md.renderer.render(tokens, md.options, env))
    return Rendered(Markup(html), tuple(renderer.headings(tokens, env)), tuple(_sections(tokens, env, title)),
                    frozenset(env["images"]))


@lru_cache(maxsize=8192)
def _fragment(renderer: Renderer, text: str, path: Path, line: int, inline: bool) -> Fragment:
    md = renderer.md
    env = {"path": path, "line": line, "offset": None, "blocks": {}, "images": set()}
    tokens = renderer.parse(text, env)
    html = md.renderer.render(tokens, md.options, env)
    if inline and html.count("<p>") == 1 and html.startswith("<p>") and html.endswith("</p>\n"):
        html = html[3:-5]
    return Fragment(Markup(html), re.sub(r"\s+", " ", "".join(_words(tokens, env))).strip())


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"highlight": lambda code, language, _attrs: markup.highlight(code, language)})
    md.enable("table")
    dollarmath_plugin(md, allow_space=True, allow_digits=True, double_inline=True)
    anchors_plugin(md, min_level=2, max_level=3, slug_func=_slug, permalink=True, permalinkSymbol="#")
    md.core.ruler.push("permalink_labels", _label_permalinks)
    for rule in ("math_inline", "math_inline_double", "math_block", "math_block_label"):
        md.add_render_rule(rule, _render_math)
    md.add_render_rule("fence", _render_fence)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("table_open", lambda *_: '<div class="table-wrap"><table>\n')
    md.add_render_rule("table_close", lambda *_: "</table></div>\n")
    return md


def _slug(title: str) -> str:
    return re.sub(r"-{2,}", "-", re.sub(r"[^\w\- ]", "", title.lower()).strip().replace(" ", "-")).strip("-")


def _label_permalinks(state: Any) -> None:
    """Name each heading's permalink for screen readers, and mark it so the table of contents leaves it out."""
    for token in state.tokens:
        for i, child in enumerate(token.children or ()):
            if child.type == "link_open" and child.attrGet("class") == "header-anchor":
                child.attrSet("aria-label", "Ссылка на этот раздел")
                for part in token.children[i - 1:i + 3]:  # the space before, <a>, "#", </a>
                    part.meta["permalink"] = True


def _render_math(_renderer: Any, tokens: list[Token], idx: int, _options: Any, env: dict[str, Any]) -> str:
    token = tokens[idx]
    display = token.type != "math_inline"
    try:
        mathml = to_mathml(token.content, display)
    except FormulaError as e:
        latex = " ".join(token.content.split())
        raise SiteError(f"{env['path']}:{_line(token, env)}: cannot render formula ${latex}$: {e}") from None
    return f'<div class="math-display">{mathml}</div>\n' if token.type.startswith("math_block") else mathml


def _line(token: Token, env: dict[str, Any]) -> int:
    """The file line of a formula: exact in a page's body; in a block's YAML, the first line showing it."""
    if env["offset"] is not None:
        return env["offset"] + (token.map[0] if token.map else token.meta.get("line", 0)) + 1
    first = token.content.strip().split("\n")[0]
    lines = Path(env["path"]).read_text(encoding="utf-8").split("\n")
    for number in range(env["line"], len(lines) + 1):
        if first in lines[number - 1]:
            return number
    return env["line"]


def _render_fence(renderer: Any, tokens: list[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    token = tokens[idx]
    kind = token.info.strip()
    if kind not in BLOCK_KINDS or env["offset"] is None:
        return renderer.fence(tokens, idx, options, env)
    line = env["offset"] + token.map[0] + 1
    try:
        return env["blocks"][line].html
    except KeyError:
        raise SiteError(f"{env['path']}:{line}: a {kind} block that the question bank did not read") from None


def _render_image(renderer: Any, tokens: list[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    env["images"].add(tokens[idx].attrGet("src"))
    return renderer.image(tokens, idx, options, env)


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


def _sections(tokens: list[Token], env: dict[str, Any], title: str) -> list[Section]:
    sections = [Section("", title)]
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            sections.append(Section(str(token.attrGet("id")), "".join(_words([tokens[i + 1]], env)).strip()))
        elif not (token.type == "inline" and i and tokens[i - 1].type == "heading_open" and tokens[i - 1].tag == "h2"):
            sections[-1].words += _words([token], env)
    return [s for s in sections if s.words or s.id]


def _math_text(latex: str) -> str:
    """A formula as searchable text: symbols as Unicode (\\odot as ⊙), names such as \\log as words."""
    def symbol(match: re.Match[str]) -> str:
        code = convert_symbol(match.group())
        if code:
            return chr(int(code, 16))
        if not match.group(1).isalpha():
            return " "  # spacing: \\, \\; \\!
        return "" if latex.startswith("{", match.end()) else match.group(1)  # \\mathrm{...}, \\frac{...}: drop

    return TEX_COMMAND.sub(symbol, latex).replace("{", "").replace("}", "")


def _words(tokens: list[Token], env: dict[str, Any]) -> Iterator[str]:
    offset = env.get("offset")
    for token in tokens:
        if token.type in ("text", "code_inline"):
            yield token.content
        elif token.type.startswith("math_inline"):
            yield _math_text(token.content)
        elif token.type == "fence" and token.info.strip() in BLOCK_KINDS and offset is not None:
            block = env["blocks"].get(offset + token.map[0] + 1)
            if block:
                yield f" {block.text} "
        elif token.children:
            yield from _words(token.children, env)
        if token.type in ("softbreak", "hardbreak", "paragraph_close", "heading_close", "list_item_close"):
            yield " "
