"""Find forbidden shortcuts in a submission's source, without running it.

An exercise forbids modules (torch in a NumPy exercise), attribute names (the library
function the student is asked to write, e.g. ``LSTMCell``) and, where the point is to
vectorise, Python loops (``for``, ``while`` and comprehensions). A use at module level counts
against every part; a use inside a function counts against each part whose function
reaches it through calls to other top-level functions of the file. The worker also
refuses forbidden imports at run time, for what a static scan cannot see.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

IMPORTERS = ("__import__", "import_module")
LOOPS = {ast.For: "цикл for", ast.AsyncFor: "цикл for", ast.While: "цикл while",
         ast.ListComp: "цикл в генераторе списка", ast.SetComp: "цикл в генераторе множества",
         ast.DictComp: "цикл в генераторе словаря", ast.GeneratorExp: "цикл в выражении-генераторе"}


@dataclass(frozen=True)
class Violation:
    """One forbidden use: what it is and where."""

    what: str
    path: Path
    line: int

    def describe(self) -> str:
        return f"{self.what} ({self.path.name}, строка {self.line})"


def scan(sources: dict[Path, str], modules: Iterable[str], names: Iterable[str],
         functions: Iterable[str], loops: bool = False) -> dict[str, list[Violation]]:
    """Map each function in ``functions`` to the forbidden uses it reaches.

    ``sources`` are the files executed into one namespace, in order (a later definition
    replaces an earlier one, as at run time). The sources must parse.
    """
    modules, names = frozenset(modules), frozenset(names)
    rules = (modules, names, loops)
    global_uses: list[Violation] = []
    definitions: dict[str, tuple[Path, ast.AST]] = {}
    aliases_in: dict[Path, dict[str, str]] = {}
    for path, source in sources.items():
        tree = ast.parse(source, filename=str(path))
        aliases = aliases_in[path] = _module_aliases(tree, modules)
        own = _own_names(tree)  # a student's own `dropout` or `lstm` is not the library's
        aliases_in[path] |= {name: name for name in names - own}
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                definitions[node.name] = (path, node)
            else:
                global_uses += _uses(node, path, rules, aliases)
    local = {name: _uses(node, path, rules, aliases_in[path])
             for name, (path, node) in definitions.items()}
    calls = {name: _referenced(node) & definitions.keys() for name, (_, node) in definitions.items()}
    return {f: list(dict.fromkeys(global_uses + [v for g in _reachable(f, calls) for v in local.get(g, [])]))
            for f in functions}


def _module_aliases(tree: ast.Module, modules: frozenset[str]) -> dict[str, str]:
    """Names bound at module level to a forbidden module (``import torch as T`` -> T)."""
    aliases = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in modules:
                    aliases[(alias.asname or alias.name).split(".")[0]] = alias.name
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in modules:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def _uses(node: ast.AST, path: Path, rules: tuple[frozenset[str], frozenset[str], bool],
          aliases: dict[str, str]) -> list[Violation]:
    modules, names, loops = rules
    found = []
    for sub in ast.walk(node):
        line = getattr(sub, "lineno", 0)
        if loops and type(sub) in LOOPS:
            found.append(Violation(LOOPS[type(sub)], path, line))
        elif isinstance(sub, ast.Import):
            found += [Violation(f"import {a.name}", path, line) for a in sub.names
                      if a.name.split(".")[0] in modules]
        elif isinstance(sub, ast.ImportFrom) and (sub.module or "").split(".")[0] in modules:
            found.append(Violation(f"from {sub.module} import ...", path, line))
        elif isinstance(sub, ast.ImportFrom):
            found += [Violation(f"from {sub.module} import {a.name}", path, line) for a in sub.names if a.name in names]
        elif isinstance(sub, ast.Attribute) and sub.attr in names:
            found.append(Violation(f"{ast.unparse(sub)}", path, line))
        elif isinstance(sub, ast.Name) and sub.id in aliases and isinstance(sub.ctx, ast.Load):
            found.append(Violation(aliases[sub.id], path, line))
        elif isinstance(sub, ast.Call) and _called_name(sub.func) in IMPORTERS and sub.args:
            first = sub.args[0]
            if isinstance(first, ast.Constant) and str(first.value).split(".")[0] in modules:
                found.append(Violation(f"{_called_name(sub.func)}({first.value!r})", path, line))
    return found


def _own_names(tree: ast.Module) -> set[str]:
    """Names the file binds itself: functions, classes, variables and parameters."""
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.arg):
            own.add(node.arg)
    return own


def _called_name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _referenced(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _reachable(start: str, calls: dict[str, set[str]]) -> list[str]:
    seen, stack = [], [start]
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.append(name)
            stack.extend(calls.get(name, ()))
    return seen
