# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench bench-scale cluster-demo eval model airflow lock clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==26.3"
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install the pinned dependencies

run: $(STAMP)  ## run the pipeline on the bundled sample articles into var/warehouse.duckdb
	$(BIN)/etl run

test: $(STAMP)  ## the test suite (unit, integration, DAG)
	$(BIN)/pytest

bench: $(STAMP)  ## speed benchmarks on ../shared/data/corpora (not tests)
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_ner.py
	$(BIN)/python bench/bench_amounts.py
	$(BIN)/python bench/bench_lawsuits.py

bench-scale: $(STAMP)  ## analyst queries and a nightly run on a warehouse scaled to SIZE articles (default 100000)
	$(BIN)/python bench/bench_scale.py --size $(or $(SIZE),100000)

cluster-demo: $(STAMP)  ## Airflow + CeleryExecutor + Redis + PostgreSQL on loopback, nightly DAG on one then two workers
	bash scripts/cluster-demo.sh

eval: $(STAMP)  ## entity/amount/lawsuit scores of the warehouse path on ../shared/data/gold, per language
	$(BIN)/python scripts/eval_gold.py
	$(BIN)/etl eval-amounts ../shared/data/gold/amounts_sentences_dev.jsonl
	$(BIN)/etl eval-ner --lang de ../shared/data/ner/de/germeval2014/NER-de-dev.tsv
	$(BIN)/etl eval-ner --lang en ../shared/data/ner/en/conll2003/eng.testa

model: $(STAMP)  ## rebuild the NER training data from ../shared/data and retrain models/de and models/en
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,train]'
	bash training/train.sh

airflow: $(STAMP)  ## Airflow standalone with this DAG folder (http://127.0.0.1:8080)
	bash scripts/airflow-standalone.sh

lock:  ## re-pin constraints.txt from the current .venv (after changing pyproject.toml)
	$(BIN)/pip freeze --exclude-editable | grep -v '^article-warehouse' > constraints.txt

clean:  ## remove the local warehouse, reports and run folders (not the venv)
	rm -rf var/warehouse.duckdb var/reports var/work
