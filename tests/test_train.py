"""Training-script helpers that decide what CI accepts and how pages are split."""

import numpy as np

from training.corpus import Example
from training.train import floor_failures, in_test, too_small


def test_floors_are_minimums_and_fpr_is_a_ceiling():
    summary = {"roc_auc": 0.991, "recall": 0.93, "fpr": 0.004, "min_lofo_recall": None, "max_loso_fpr": 0.004}
    assert floor_failures(summary, ["roc_auc=0.99", "fpr=0.01", "max_loso_fpr=0.01"]) == []
    assert floor_failures(summary, ["max_loso_fpr=0.001"])[0].startswith("max_loso_fpr is 0.004, required <=")
    failed = floor_failures(summary, ["recall=0.95", "fpr=0.001", "min_lofo_recall=0.5"])
    assert [f.split()[0] for f in failed] == ["recall", "fpr", "min_lofo_recall"]


def test_split_is_stable_per_group_and_seed_and_near_the_share():
    groups = [f"site{i}.example" for i in range(2000)]
    first = [in_test(g, seed=0) for g in groups]
    assert first == [in_test(g, seed=0) for g in groups]  # same seed, same split
    assert first != [in_test(g, seed=1) for g in groups]  # another seed, another split
    assert 0.2 < sum(first) / len(groups) < 0.3


def test_users_own_labels_from_a_csv_of_paths(tmp_path):
    import shutil

    import pytest

    from training.corpus import user_examples

    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    shutil.copy(root / "examples" / "farm_wire_story.html", tmp_path / "farm.html")
    shutil.copy(root / "examples" / "original_news_article.html", tmp_path / "mine.html")
    (tmp_path / "labels.csv").write_text("path,label\nfarm.html,republished\nmine.html,original\n", "utf-8")
    examples = user_examples(tmp_path / "labels.csv")
    assert [(e.id, e.label, e.family) for e in examples] == [("farm.html", 1, "user"), ("mine.html", 0, "user")]
    assert "wire_dateline" in examples[0].fired

    (tmp_path / "bad.csv").write_text("path,label\nfarm.html,maybe\n", "utf-8")
    with pytest.raises(ValueError, match="label must be"):
        user_examples(tmp_path / "bad.csv")


def test_one_original_in_five_also_gives_its_own_text_dump_as_an_original(tmp_path):
    from pathlib import Path

    from training.corpus import featurize_original

    html = (Path(__file__).resolve().parent.parent / "examples" / "original_news_article.html").read_bytes()
    (tmp_path / "page.html").write_bytes(html)
    outs = [featurize_original({"id": f"p{i}", "_base": str(tmp_path), "file": "page.html",
                                "url": "https://www.dailycourier.com/news/x"}) for i in range(40)]
    dumps = [out[3] for out in outs if out[3] is not None]
    assert 3 <= len(dumps) <= 15  # about a fifth, fixed per page id
    assert [out[3] is None for out in outs] == [out[3] is None for out in (featurize_original(
        {"id": f"p{i}", "_base": str(tmp_path), "file": "page.html", "url": "https://www.dailycourier.com/news/x"})
        for i in range(40))]
    dump, page = dumps[0], next(out[0] for out in outs if out[3] is not None)
    assert (dump.kind, dump.family, dump.label, dump.group) == ("text", "original", page.label, page.group)
    assert dump.id == f"{page.id}-text" and dump.relabelled is None


def test_a_corpus_too_small_to_train_on_is_named_instead_of_a_traceback():
    def example(i: int, label: int) -> Example:
        return Example(id=f"p{i}", group=f"site{i}.example", label=label, family="original" if not label else "wire_farm",
                       lang="en", kind="html", features=np.zeros(3))
    enough = [example(i, 0) for i in range(5)] + [example(i, 1) for i in range(5, 10)]
    assert too_small(enough) is None
    assert "originals from 2 site(s); it needs at least 5" in too_small(enough[3:])
    assert "republished pages" in too_small(enough[:7])


def test_the_threshold_is_the_median_over_fold_assignments_each_shuffling_the_sites(monkeypatch):
    import training.train as train_mod
    from training import transfer

    seen_folds, chosen = [], iter([0.81, 0.75, 0.77, 0.76, 0.79])

    def fake_oof(estimator, X, y, groups, cv, method, params):
        # every assignment keeps each site in one fold, and no two assignments are the same
        folds = tuple(tuple(sorted({groups[i] for i in test})) for _, test in cv.split(X, y, groups))
        assert all(len({groups[i] for i in test} & {groups[i] for i in tr}) == 0 for tr, test in cv.split(X, y, groups))
        seen_folds.append(folds)
        return np.column_stack([1 - y * 0.5, y * 0.5 + 0.25])

    monkeypatch.setattr(train_mod, "cross_val_predict", fake_oof)
    monkeypatch.setattr(train_mod.evaluate, "choose_threshold", lambda y, p, target: next(chosen))
    pages = [Example(id=f"p{i}", group=f"site{i % 25}.example", label=i % 2, features=np.zeros(3), kind="html",
                     family="original" if i % 2 == 0 else "wire_farm", lang="en", source="s") for i in range(100)]
    assert train_mod.oof_threshold(pages, transfer.Recipe()) == 0.77  # the median of the five, not the first
    assert len(seen_folds) == train_mod.OOF_ASSIGNMENTS and len(set(seen_folds)) == train_mod.OOF_ASSIGNMENTS
