"""Views stay thin (CONVENTIONS.md: scoped fetch, form, service, presenter, render): every
function of a views module, and every view elsewhere (a function guarded by a `*_required` or
`require_*` decorator), has at most ten lines of body, its docstring aside. Reads belong in
selectors and presenters, writes in services (through lib.form_writes for a form)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "boardpack"
MOST = 10
WAIVED: set[str] = set()
"""Views allowed to be longer for now, as "module:function", each with a comment saying why."""


def _is_view(node: ast.FunctionDef) -> bool:
    names = [d.func if isinstance(d, ast.Call) else d for d in node.decorator_list]
    found = {n.id if isinstance(n, ast.Name) else getattr(n, "attr", "") for n in names}
    return any(name.endswith("_required") or name.startswith("require_") for name in found)


def body_lengths(source: str, *, views_only: bool = False) -> dict[str, int]:
    """Each module-level function's lines of body, without its docstring (only the views'
    with `views_only`)."""
    found = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef) or (views_only and not _is_view(node)):
            continue
        body = node.body
        if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]
        found[node.name] = body[-1].end_lineno - body[0].lineno + 1 if body else 0
    return found


def _views_module(path: Path) -> bool:
    return path.name == "views.py" or path.name.endswith("_views.py")


def view_modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if _views_module(p) and "migrations" not in p.parts)


def _lengths(path: Path) -> dict[str, int]:
    return body_lengths(path.read_text(), views_only=not _views_module(path))


def test_the_count_leaves_out_the_docstring_and_flags_a_long_view():
    lines = "\n".join(f"    x{n} = {n}" for n in range(20))
    source = (
        f'def long(request):\n    """Docs."""\n{lines}\n    return x0\n\n\n'
        "def short():\n    return 1\n"
    )
    assert body_lengths(source) == {"long": 21, "short": 1}


def test_a_view_outside_a_views_module_is_counted_and_a_helper_there_is_not():
    source = (
        "@login_required\n@require_GET\ndef page(request):\n    return 1\n\n\n"
        "def helper(request):\n    return 2\n"
    )
    assert body_lengths(source, views_only=True) == {"page": 1}


@pytest.mark.parametrize(
    "path",
    sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts),
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_every_view_is_at_most_ten_lines(path):
    module = str(path.relative_to(SRC))
    lengths = _lengths(path)
    too_long = {
        name: n for name, n in lengths.items() if n > MOST and f"{module}:{name}" not in WAIVED
    }
    assert not too_long, f"{module}: over {MOST} lines: {too_long}"


def test_a_waiver_names_a_view_that_is_still_long():
    lengths = {
        f"{p.relative_to(SRC)}:{name}": n
        for p in view_modules()
        for name, n in body_lengths(p.read_text()).items()
    }
    assert all(lengths.get(waived, 0) > MOST for waived in WAIVED)
