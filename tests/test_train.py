"""Training-script helpers that decide what CI accepts and how pages are split."""

from training.train import floor_failures, in_test


def test_floors_are_minimums_and_fpr_is_a_ceiling():
    summary = {"roc_auc": 0.991, "recall": 0.93, "fpr": 0.004, "min_lofo_recall": None}
    assert floor_failures(summary, ["roc_auc=0.99", "fpr=0.01"]) == []
    failed = floor_failures(summary, ["recall=0.95", "fpr=0.001", "min_lofo_recall=0.5"])
    assert [f.split()[0] for f in failed] == ["recall", "fpr", "min_lofo_recall"]


def test_split_is_stable_per_group_and_seed_and_near_the_share():
    groups = [f"site{i}.example" for i in range(2000)]
    first = [in_test(g, seed=0) for g in groups]
    assert first == [in_test(g, seed=0) for g in groups]  # same seed, same split
    assert first != [in_test(g, seed=1) for g in groups]  # another seed, another split
    assert 0.2 < sum(first) / len(groups) < 0.3
