"""Install hints: the distribution's own name (not PyPI's unrelated "detector"), and a missing extra
is one line on stderr, never a traceback."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from detector.cli import main
from detector.extras import DIST, main_with_hint
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

ROOT = Path(__file__).resolve().parents[1]
FARM = str(Path(__file__).parent / "fixtures" / "cli" / "farm.html")


def hint(module: str, extra: str) -> str:
    return (f"detector: {module} is not installed; it comes with the {extra} extra: "
            f"pip install '{DIST}[{extra}]' (from a checkout: pip install '.[{extra}]')")


def without(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    for name in list(sys.modules):
        if name.split(".")[0] in modules or name in ("detector.serve", "detector.report.summary"):
            monkeypatch.delitem(sys.modules, name)
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)  # import name -> ModuleNotFoundError


def test_serve_without_flask(tiny_model, monkeypatch, capsys):  # noqa: F811
    without(monkeypatch, "flask")
    assert main(["serve", "--model", str(tiny_model)]) == 1
    assert capsys.readouterr().err.strip() == hint("flask", "web")


def test_parquet_without_pyarrow(tiny_model, monkeypatch, capsys, tmp_path):  # noqa: F811
    without(monkeypatch, "pyarrow")
    assert main(["score", FARM, "--model", str(tiny_model), "--jobs", "1", "-o", str(tmp_path / "o.parquet")]) == 1
    assert capsys.readouterr().err.strip() == hint("pyarrow", "parquet")


def test_summary_report_without_matplotlib(tiny_model, monkeypatch, capsys, tmp_path):  # noqa: F811
    rows = tmp_path / "r.jsonl"
    assert main(["score", FARM, "--model", str(tiny_model), "--jobs", "1", "-o", str(rows)]) == 0
    capsys.readouterr()
    without(monkeypatch, "matplotlib")
    assert main(["report", str(rows), "-o", str(tmp_path / "s.html")]) == 1
    assert capsys.readouterr().err.strip() == hint("matplotlib", "report")


def test_a_script_without_trafilatura(monkeypatch, capsys):
    without(monkeypatch, "trafilatura")

    def bench() -> int:
        import trafilatura  # noqa: F401

        return 0

    assert main_with_hint(bench, "bench_score.py") == 1
    assert capsys.readouterr().err.strip() == hint("trafilatura", "bench").replace("detector:", "bench_score.py:")


def test_every_hint_names_this_distribution():
    """No `pip install 'detector[...]'` anywhere: that is another project's name on PyPI."""
    stranger = re.compile(r"pip install\s+['\"]?detector\b")
    files = [ROOT / "README.md", ROOT / "pyproject.toml", *ROOT.glob("detector/**/*.py"),
             *ROOT.glob("benchmarks/*.py"), *ROOT.glob("training/**/*.py")]
    assert [str(f) for f in files if stranger.search(f.read_text("utf-8"))] == []
    assert f'name = "{DIST}"' in (ROOT / "pyproject.toml").read_text()


def test_each_module_hint_names_the_extra_that_installs_it():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    from detector.extras import EXTRAS

    for module, extra in EXTRAS.items():
        assert any(module.replace("_", "-") in dep.replace("_", "-") for dep in declared[extra]), (module, extra)
    assert set(EXTRAS.values()) <= set(declared)
