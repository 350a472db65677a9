"""German names back to the nominative: the hand-written rules against simplemma and HanTa.

Invented cases (text before the name, the name as written, the nominative). The rules
are scored as the article layer applies them (etl.extract.entities._base_form: the name
in a sentence, with a noun after it and the pattern names as known names). simplemma
is not a project dependency (HanTa is): `pip install simplemma` to compare.
Usage: python bench/bench_folding.py
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
CASES = [
 ("die Klage des", "Europäischen Gerichtshofs", "Europäischer Gerichtshof"),
 ("", "Schröders", "Schröder"), ("", "Merkels", "Merkel"), ("die Rede", "Scholz'", "Scholz"),
 ("Urteil des", "Landgerichts Berlin", "Landgericht Berlin"), ("Chef der", "Deutschen Bank", "Deutsche Bank"),
 ("Zinsen der", "Europäischen Zentralbank", "Europäische Zentralbank"), ("Prüfung des", "Bundeskartellamtes", "Bundeskartellamt"),
 ("Sitzung des", "Deutschen Bundestags", "Deutscher Bundestag"), ("Chefin des", "Internationalen Währungsfonds", "Internationaler Währungsfonds"),
 ("Sendung des", "Hessischen Rundfunks", "Hessischer Rundfunk"), ("Interview dem", "Bayerischen Rundfunk", "Bayerischer Rundfunk"),
 ("Präsident des", "Internationalen Olympischen Komitees", "Internationales Olympisches Komitee"), ("vor dem", "Europäischen Parlament", "Europäisches Parlament"),
 ("Helfer des", "Roten Kreuzes", "Rotes Kreuz"), ("die Regierung", "Frankreichs", "Frankreich"), ("Sprecher der", "Europäischen Kommission", "Europäische Kommission"),
 ("Senat des", "Oberlandesgerichts München", "Oberlandesgericht München"), ("Chef von", "Siemens", "Siemens"), ("in", "Paris", "Paris"),
 ("Aktien von", "Mercedes", "Mercedes"), ("Trainer", "Andreas Müller", "Andreas Müller"), ("Gouverneur von", "Texas", "Texas"),
 ("Agentur", "Reuters", "Reuters"), ("Sänger", "Tom Jones", "Tom Jones"), ("Umsatz des", "Volkswagen-Konzerns", "Volkswagen-Konzern"),
 ("Entscheidung des", "Bundesverfassungsgerichts", "Bundesverfassungsgericht"), ("Plänen", "Microsofts", "Microsoft"),
 ("Aktie", "Apples", "Apple"), ("Mitglieder der", "Vereinten Nationen", "Vereinte Nationen"), ("Chef des", "Zweiten Deutschen Fernsehens", "Zweites Deutsches Fernsehen"),
 ("Sprecher des", "Bundesamts für Migration", "Bundesamt für Migration"), ("Spieler des", "FC Bayern", "FC Bayern"), ("Wahl in", "Hamburg", "Hamburg"),
 ("Konzern", "Daimler", "Daimler"), ("Aussage", "Thomas", "Thomas"), ("die Partei", "Die Linke", "Die Linke"),
 ("Präsidenten", "Joe Bidens", "Joe Biden"), ("Eltern", "Lukas", "Lukas"), ("Verband", "Gesamtmetalls", "Gesamtmetall"),
]
try:
    import simplemma
except ImportError:
    simplemma = None
try:
    from HanTa import HanoverTagger as ht
except ImportError:
    ht = None


def hanta_fold(tagger, toks):
    out = []
    for w, lemma, pos in tagger.tag_sent(toks, taglevel=1):
        out.append(lemma if pos in ("NE", "NN") and lemma[:1].isupper() else w)
    return " ".join(out)
def simplemma_fold(toks):
    return " ".join(w if not w[:1].isupper() else (l if (l := simplemma.lemmatize(w, lang="de"))[:1].isupper() else w) for w in toks)


def rules_fold(before: str, name: str) -> str:
    from etl.extract.entities import _base_form, _Mention, pattern_types

    text = f"{before} {name} Rede"
    start = len(before) + 1
    label = "PER" if name.split()[0] in ("Andreas", "Tom", "Joe") or name in ("Schröders", "Merkels", "Scholz'", "Thomas", "Lukas") else "ORG"
    return _base_form(text, _Mention(start, start + len(name), label), set(pattern_types("de")), "de")


def main() -> None:
    variants = [("rules", rules_fold)]
    if simplemma:
        variants.append(("simplemma", lambda c, n: simplemma_fold(n.split())))
    if ht:
        t0 = time.time()
        tagger = ht.HanoverTagger("morphmodel_ger.pgz")
        print(f"HanTa model load {time.time() - t0:.2f}s")
        variants.append(("HanTa", lambda c, n: hanta_fold(tagger, n.split())))
    for name, fn in variants:
        fn(*CASES[0][:2])  # load outside the timing
        t = time.perf_counter()
        ok, bad = 0, []
        for c, n, exp in CASES:
            got = fn(c, n)
            ok += got == exp
            if got != exp:
                bad.append(f"{n} -> {got}")
        dt = (time.perf_counter() - t) / len(CASES) * 1e6
        print(f"{name}: {ok}/{len(CASES)} exact, {dt:.0f} us/name; wrong: {bad}")


if __name__ == "__main__":
    main()
