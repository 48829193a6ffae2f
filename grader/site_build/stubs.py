"""The signatures a student implements, read from an exercise's stub with ``ast`` (nothing is imported).

A part is a function (its ``def`` line) or a class (its ``class`` line and the ``def``
lines of its methods), shown on the topic page under the part's statement.
"""

from __future__ import annotations

import ast
from pathlib import Path

from grader.site_build import SiteError

WIDTH = 88  # longer signatures get one parameter per line


def signatures(stub: Path, names: list[str]) -> dict[str, str]:
    """Python source of each named top-level function or class of ``stub``, bodies elided."""
    try:
        text = stub.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=str(stub))
    except (OSError, UnicodeDecodeError) as e:
        raise SiteError(f"{stub}:1: cannot be read ({e})") from None
    except SyntaxError as e:
        raise SiteError(f"{stub}:{e.lineno or 1}: invalid Python: {e.msg}") from None
    source = _Source(text)
    found = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)}
    missing = [name for name in names if name not in found]
    if missing:
        raise SiteError(f"{stub}:1: no function or class named {', '.join(missing)} (an exercise part)")
    return {name: source.definition(found[name]) for name in names}


class _Source:
    """Signatures written with the stub's own spelling of annotations and defaults."""

    def __init__(self, text: str) -> None:
        self.lines = [line.encode() for line in text.splitlines(keepends=True)]

    def segment(self, node: ast.AST) -> str:
        """The node's source text (ast's offsets count UTF-8 bytes)."""
        first, last = node.lineno - 1, node.end_lineno - 1
        if first == last:
            return self.lines[first][node.col_offset:node.end_col_offset].decode()
        middle = b"".join(self.lines[first + 1:last])
        return (self.lines[first][node.col_offset:] + middle + self.lines[last][:node.end_col_offset]).decode()

    def definition(self, node: ast.FunctionDef | ast.ClassDef) -> str:
        if isinstance(node, ast.FunctionDef):
            return self.function(node, "")
        bases = [self.segment(b) for b in node.bases] + [self.segment(k) for k in node.keywords]
        parents = f"({', '.join(bases)})" if bases else ""
        lines = [*self.decorators(node, ""), f"class {node.name}{parents}:"]
        methods = [self.function(n, "    ") for n in node.body if isinstance(n, ast.FunctionDef)]
        return "\n".join(lines + (methods or ["    ..."]))

    def function(self, node: ast.FunctionDef, indent: str) -> str:
        parameters = self.parameters(node.args)
        returns = f" -> {self.segment(node.returns)}" if node.returns else ""
        head = "".join(f"{line}\n" for line in self.decorators(node, indent))
        one_line = f"{indent}def {node.name}({', '.join(parameters)}){returns}: ..."
        if len(one_line) <= WIDTH:
            return head + one_line
        inner = "".join(f"{indent}    {p},\n" for p in parameters)
        return f"{head}{indent}def {node.name}(\n{inner}{indent}){returns}: ..."

    def decorators(self, node: ast.FunctionDef | ast.ClassDef, indent: str) -> list[str]:
        return [f"{indent}@{self.segment(d)}" for d in node.decorator_list]

    def parameters(self, args: ast.arguments) -> list[str]:
        positional = args.posonlyargs + args.args
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        out = [self.parameter(a, d) for a, d in zip(positional, defaults, strict=True)]
        if args.posonlyargs:
            out.insert(len(args.posonlyargs), "/")
        if args.vararg:
            out.append("*" + self.parameter(args.vararg, None))
        elif args.kwonlyargs:
            out.append("*")
        out += [self.parameter(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)]
        if args.kwarg:
            out.append("**" + self.parameter(args.kwarg, None))
        return out

    def parameter(self, arg: ast.arg, default: ast.expr | None) -> str:
        text = arg.arg + (f": {self.segment(arg.annotation)}" if arg.annotation else "")
        if default is not None:
            text += (" = " if arg.annotation else "=") + self.segment(default)
        return text
