"""The library surface: one exception base with its subclasses, Signal and Source exported, --version."""

from __future__ import annotations

import pytest

import detector
from detector import (BudgetError, Detector, DetectorError, FetchError, ModelError, OutputRefused, ReadError,
                      ReferenceIndexError, Signal, Source)
from detector.cli import main
from tiny_model import tiny_model  # noqa: F401 - pytest fixture


def test_every_public_error_is_a_detector_error():
    for error in (ReadError, BudgetError, ModelError, FetchError, ReferenceIndexError, OutputRefused):
        assert issubclass(error, DetectorError) and error.__name__ in detector.__all__
    assert issubclass(BudgetError, ReadError)
    assert issubclass(ReadError, ValueError) and issubclass(ModelError, RuntimeError)  # as before


def test_score_raises_read_error_for_what_is_no_page(tiny_model):  # noqa: F811
    det = Detector(tiny_model)
    for content in (b"", b"%PDF-1.7 binary"):
        with pytest.raises(DetectorError) as caught:
            det.score(content)
        assert isinstance(caught.value, ReadError)


def test_loading_raises_model_and_index_errors(tmp_path):
    with pytest.raises(ModelError):
        Detector(tmp_path / "none.joblib")
    with pytest.raises(ReferenceIndexError):
        Detector(reference=tmp_path)


def test_fetch_raises_fetch_error():
    from detector.fetch import fetch

    with pytest.raises(FetchError):
        fetch("file:///etc/passwd")


def test_signal_and_source_are_the_types_results_carry(tiny_model):  # noqa: F811
    from pathlib import Path

    page = (Path(__file__).parent / "fixtures" / "cli" / "farm.html").read_bytes()
    result = Detector(tiny_model).score(page)
    assert all(isinstance(s, Signal) for s in result.signals)
    assert result.source is None or isinstance(result.source, Source)


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"detector {detector.__version__}"
