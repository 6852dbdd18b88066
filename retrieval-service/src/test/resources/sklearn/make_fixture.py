#!/usr/bin/env python3
"""Writes the scikit-learn reference values the TF-IDF tests compare with.

Run with Debian's scikit-learn (apt-get install -y python3-sklearn), from anywhere:
    /usr/bin/python3 make_fixture.py [--data DIR]   (default: the repository's datasets/squad-v1.1-dev)

Outputs, next to this script:
  tfidf_fixture.json   the committed corpus (first 60 SQuAD contexts + tricky strings) and queries, and for each
                       parameter set: vocabulary in index order, idf, and the transformed rows of a few documents and
                       of every query
  squad_accuracy.json  accuracy@1 of TfidfVectorizer on the full shared SQuAD data (each distinct context indexed
                       once; a question is right when the argmax of the cosine similarity is its own context)
"""
import argparse
import csv
import json
import pathlib

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[4] / "datasets" / "squad-v1.1-dev"
PARTS = ["squad_v1.1_dev_qa_part1.csv", "squad_v1.1_dev_qa_part2.csv", "squad_v1.1_dev_qa_part3.csv"]

TRICKY = [
    "Café naïve résumé Ångström Øresund Dvořák Łódź",
    "cafe\u0301 decomposed e\u0301te\u0301 (combining marks are not word characters in Python)",
    "Digits 1990s 2,000 3.14 x² ½ ¾ Ⅻ Ⅷ ٣٤ ５０ 10th 007",
    "snake_case __init__ _a a_ __ _ x y z ab",
    "東京 北京大学 ＡＢＣ ﬁnance ǅemal ΟΔΥΣΣΕΥΣ İstanbul Straße",
    "Math 𝐀𝐁𝐂 bold and emoji 😀😀 a\u200db zero\u200cwidth tab\tnew\nline",
    "the of and to a in is it that this with which for",
    "Don't stop-words: THE The the; UPPER lower MiXeD",
]

QUERY_TRICKY = [
    "Which NFL team represented the AFC at Super Bowl 50?",
    "café Café CAFÉ résumé Ⅻ ½",
    "the of and",
    "totally unseen zzyzx words",
    "",
]

CASES = {
    "default": {},
    "bigrams_sublinear_english": {"ngram_range": [1, 2], "sublinear_tf": True, "stop_words": "english"},
    "df_counts": {"min_df": 2, "max_df": 10},
    "df_proportions": {"min_df": 0.03, "max_df": 0.5},
    "max_features_ties": {"max_features": 50},
    "max_features_bigrams": {"ngram_range": [1, 2], "max_features": 300, "min_df": 2},
    "stop_list_no_lowercase": {"stop_words": ["the", "of", "The", "and"], "lowercase": False},
    "l1_trigrams_only": {"ngram_range": [2, 3], "norm": "l1"},
    "no_norm_no_smooth": {"norm": "none", "smooth_idf": False},
    "no_idf_sublinear": {"use_idf": False, "sublinear_tf": True},
    "float_zero_min_df": {"min_df": 0.0, "max_df": 0.2},
    "max_df_int_one": {"max_df": 1, "stop_words": "english"},
}


def sk_params(params):
    out = dict(params)
    if "ngram_range" in out:
        out["ngram_range"] = tuple(out["ngram_range"])
    if out.get("norm") == "none":
        out["norm"] = None
    return out


def read_rows(data):
    rows = []
    for part in PARTS:
        with open(data / part, newline="", encoding="utf-8") as f:
            rows.extend(csv.DictReader(f))
    return rows


def distinct_contexts(rows):
    index = {}
    for row in rows:
        index.setdefault(row["context"], len(index))
    return list(index), [index[row["context"]] for row in rows]


def sparse_row(matrix, i):
    row = matrix.getrow(i).tocoo()
    order = np.argsort(row.col)
    return {"indices": row.col[order].tolist(), "values": row.data[order].tolist()}


def accuracy(contexts, rows, truth, params):
    vectorizer = TfidfVectorizer(**sk_params(params))
    docs = vectorizer.fit_transform(contexts)
    questions = vectorizer.transform([row["question"] for row in rows])
    best = np.asarray((questions @ docs.T).argmax(axis=1)).ravel()
    return float(np.mean(best == np.asarray(truth))), len(vectorizer.vocabulary_)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=pathlib.Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    rows = read_rows(args.data)
    contexts, truth = distinct_contexts(rows)

    corpus = contexts[:60] + TRICKY
    first = {c: r["question"] for r in reversed(rows) for c in [r["context"]]}
    queries = [first[c] for c in contexts[:8]] + QUERY_TRICKY
    shown_docs = [0, 1, 2] + list(range(60, len(corpus)))
    cases = []
    for name, params in CASES.items():
        vectorizer = TfidfVectorizer(**sk_params(params))
        docs = vectorizer.fit_transform(corpus)
        vocabulary = [t for t, _ in sorted(vectorizer.vocabulary_.items(), key=lambda kv: kv[1])]
        q = vectorizer.transform(queries)
        cases.append({
            "name": name,
            "params": params,
            "vocabulary": vocabulary,
            "idf": vectorizer.idf_.tolist() if vectorizer.use_idf else None,
            "documents": {str(i): sparse_row(docs, i) for i in shown_docs},
            "queries": [sparse_row(q, i) for i in range(len(queries))],
        })
    # max_features keeps the first indices of NumPy's unstable argsort: record how it orders ties.
    rng = np.random.default_rng(7)
    argsorts = []
    for n in [2, 16, 17, 40, 100, 1000]:
        values = -rng.integers(1, 6, size=n).astype(np.float64)
        argsorts.append({"values": values.tolist(), "order": np.argsort(values).tolist()})
    fixture = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
               "corpus": corpus, "queries": queries, "cases": cases, "argsort": argsorts}
    (HERE / "tfidf_fixture.json").write_text(json.dumps(fixture, ensure_ascii=False, separators=(",", ":")) + "\n",
                                             encoding="utf-8")

    results = {"sklearn_version": sklearn.__version__, "questions": len(rows), "contexts": len(contexts)}
    for name in ["default", "bigrams_sublinear_english"]:
        acc, vocab = accuracy(contexts, rows, truth, CASES[name])
        results[name] = {"params": CASES[name], "accuracy": acc, "vocabulary_size": vocab}
    (HERE / "squad_accuracy.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
