"""The layers import-linter cannot see: it graphs packages, and settings.py is a module."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OURS = {"app", "cli", "settings", "schema", "resolvers", "models", "subscriptions", "notifiers"}


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every module a file imports, at any depth of its code."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_settings_imports_nothing_of_ours():
    assert imported_modules(ROOT / "settings.py") & OURS == set()
