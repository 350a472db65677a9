"""The development gold articles go through `etl run`, and the shared scorer reads every contract view."""
from __future__ import annotations

import importlib.util

from tests.conftest import REPO, shared_data


def test_gold_articles_through_the_warehouse(tmp_path):
    gold = shared_data("gold/articles_dev.jsonl")
    shared_data("../tools/warehouse_preds.py")
    spec = importlib.util.spec_from_file_location("eval_gold", REPO / "scripts" / "eval_gold.py")
    eval_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(eval_gold)
    scores = eval_gold.evaluate(gold, tmp_path)
    assert scores["all"]["docs"] == 16 and scores["all"]["docs_missing"] == 0
    # a floor well below the targets: this guards the path, the targets are measured by `make eval`
    assert scores["all"]["entities"]["f1"] > 0.5
    assert scores["all"]["amounts"]["f1"] > 0.5
