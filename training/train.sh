#!/usr/bin/env bash
# Rebuild the NER training data from ../shared/data and retrain models/de and models/en.
# Fixed seeds throughout; one thread per job; the languages train one after another
# (about 20-25 min each on this machine). Outputs: training/corpus, training/output
# (git-ignored) and the shipped pipelines in models/de and models/en.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-.venv/bin/python}
DATA=${SHARED_DATA:-../shared/data}
OUT=training/output
VERSION=$(cat training/VERSION)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

declare -A VEC_WORDS=([de]=12000000 [en]=8000000)
declare -A VEC_EPOCHS=([de]=3 [en]=4)

for lang in ${LANGS:-de en}; do
    echo "== $lang: floret vectors from $DATA/raw/$lang"
    $PY -m training.scripts.vectors "$DATA/raw/$lang" "$OUT/vectors/$lang.floret" \
        --max-words "${VEC_WORDS[$lang]}" --epoch "${VEC_EPOCHS[$lang]}"
    $PY -m spacy init vectors "$lang" "$OUT/vectors/$lang.floret" "$OUT/vectors/${lang}_vectors" --mode floret
    echo "== $lang: common lower-case words"
    $PY -m training.scripts.common_words "$DATA/raw/$lang" "$OUT/common_words/$lang.txt"
    echo "== $lang: training corpus"
    $PY -m training.scripts.build_corpus "$lang" --data "$DATA" --out training/corpus
    echo "== $lang: training"
    $PY -m spacy train "training/configs/$lang.cfg" --code training/scripts/functions.py \
        --output "$OUT/$lang" --paths.vectors "$OUT/vectors/${lang}_vectors"
    $PY -m training.scripts.package "$lang" "$OUT/$lang/model-best" "models/$lang" --version "$VERSION" \
        --common-words "$OUT/common_words/$lang.txt"
done
echo "== scores of the shipped models"
$PY -m etl.evaluation.ner --lang de "$DATA/ner/de/germeval2014/NER-de-dev.tsv"
$PY -m etl.evaluation.ner --lang en "$DATA/ner/en/conll2003/eng.testa"
