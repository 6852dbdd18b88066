"""Writes scorer-cases.json and float-cases.json from the official scorer (question_scorer.py beside this file).

Run from this folder with python3 (3.11, as used to write the committed files):  python3 make_cases.py
The Java tests (QuestionScorerCasesTest, PythonFloatTest) read the JSON, so they need no Python.

scorer-cases.json: [{"answer", "truth", "correct", "kind", "normalized_answer", "normalized_truth"}]
  correct is question_scorer(answer, truth); kind is the branch the official code takes; the normalized fields are
  what the Java scorer reports (numbers as repr(float), else the text as compared), computed here with the official
  helper functions.
float-cases.json: [{"input", "repr"}]  repr(float(input)), or null where float() raises ValueError.
"""
import contextlib
import io
import json
import os
import warnings

from question_scorer import normalize_number_str, normalize_str, question_scorer, split_string

NBSP = "\u00a0"
IDEOGRAPHIC = "\u3000"
ARABIC = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
FULLWIDTH = "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"

CASES = [
    # numbers: the basics
    ("89706", "89706"), ("89706.0", "89706"), ("89,706", "89706"), ("89 706", "89706"), ("89706.00001", "89706"),
    ("$1,000.50", "1000.5"), ("1000.50$", "1000.5"), ("50%", "50"), ("0.5", "50"), ("17", "17.0"),
    ("seventeen", "17"), ("17 apples", "17"), ("", "17"), ("", "0"), (None, "0"), ("None", "0"),
    # signs, exponents, odd float forms
    ("-3", "-3"), ("+3", "3"), ("- 3", "-3"), ("-0", "0"), ("0", "-0.0"), ("1e3", "1000"), ("1E+3", "1000"),
    ("1000", "1e3"), ("2.5e-5", "0.000025"), ("1e16", "10000000000000000"), (".5", "0.5"), ("5.", "5"),
    (".", "0"), ("1_000", "1000"), ("1__000", "1000"), ("_1000", "1000"), ("1000_", "1000"), ("1e1_0", "1e10"),
    ("0x10", "16"), ("1d", "1"), ("1f", "1"), ("1D", "1"), ("0x1p3", "8"), ("1e", "1"), ("e5", "100000"),
    ("0.1", "0.10000000000000001"), ("0.30000000000000004", "0.3"), ("1" + "0" * 400, "inf"),
    ("1e400", "inf"), ("007", "7"),
    # nan and inf
    ("nan", "nan"), ("NaN", "nan"), ("1", "nan"), ("nan", "1"), ("inf", "inf"), ("Infinity", "inf"),
    ("INFINITY", "Infinity"), ("-inf", "-inf"), ("inf", "-inf"), ("-Infinity", "-inf"),
    # the official quirk: an answer that is no number is inf
    ("no idea", "inf"), ("", "inf"), (None, "Infinity"), ("no idea", "-inf"), ("infinit", "inf"),
    # white space, Python's and not Java's
    (" 42 ", "42"), ("\t42\n", "42"), (NBSP + "42" + NBSP, "42"), (IDEOGRAPHIC + "42", "42"), ("42\u2009", "42"),
    ("42\u0085", "42"), ("42\x1c", "42"), ("42\u200b", "42"), ("4" + NBSP + "2", "42"),
    # unicode digits
    (ARABIC[4] + ARABIC[2], "42"), (FULLWIDTH[4] + FULLWIDTH[2], "42"), ("\u0664.\u0665", "4.5"),
    ("\uff14\uff0e\uff15", "4.5"), ("42", ARABIC[4] + ARABIC[2]), ("\U0001D7D2\U0001D7D0", "42"),
    ("\u00b2", "2"), ("\u2167", "8"),
    # numbers written in the truth differently
    ("1,000", "1,000"), ("1000", "1,000"), ("1000", " 1000 "),
    # lists
    ("a, b, c", "a, b, c"), ("a,b,c", "a, b, c"), ("A; B; C", "a; b; c"), ("a, b", "a, b, c"),
    ("a, b, c, d", "a, b, c"), ("a; b, c", "a, b; c"), ("c, b, a", "a, b, c"), ("a, b,", "a, b,"),
    ("a, b", "a, b,"), ("a, b, ", "a, b,"), (",", ","), ("", ","), (None, "None, None"),
    ("1, 2, 3", "1, 2, 3"), ("1.0, 2, 3e0", "1, 2, 3"), ("$1, 2%, 3", "1, 2, 3"), ("one, 2, 3", "1, 2, 3"),
    ("1, 2, x", "1, 2, inf"), ("St. Louis, Paris", "St. Louis, Paris"), ("St Louis, Paris", "St. Louis, Paris"),
    ("sea gull, owl", "seagull, owl"), ("Sea-Gull, owl", "seagull, owl"), ("fish, chips!", "fish, chips"),
    ("1 000, 2", "1000, 2"), ("1_000, 2", "1000, 2"), ("nan, 1", "nan, 1"), ("x, nan", "x, nan"),
    ("a" + NBSP + ", b", "a, b"), ("a\u3001 b", "a, b"), ("a\uff0c b", "a\uff0c b"), ("a；b", "a;b"),
    ("0x10, 2", "16, 2"), ("ΟΔΟΣ, a", "οδος, a"), ("ΟΔΟΣ, a", "οδοσ, a"),
    # strings
    ("Paris", "paris"), (" P a r i s ", "Paris"), ("Paris.", "Paris"), ("Paris!", "Paris"), ("paris", "London"),
    ("St. Louis", "St Louis"), ("don't", "dont"), ("rock'n'roll", "rock n roll"), ("", ""), (None, ""),
    (None, "None"), ("None", "none"), ("", "a"), ("  ", ""), ("Sea Gull", "seagull"), ("sea-gull", "seagull"),
    ("Straße", "strasse"), ("STRASSE", "strasse"), ("İstanbul", "istanbul"), ("ΟΔΟΣ", "οδος"),
    ("ΟΔΟΣ", "οδοσ"), ("Ünïcödé", "ünïcödé"), ("«Paris»", "Paris"), ("“Paris”", "Paris"), ("Paris。", "Paris"),
    ("Paris\u00a0France", "parisfrance"), ("Paris\u3000France", "ParisFrance"), ("Paris\u200bFrance", "ParisFrance"),
    ("Paris\x1cFrance", "ParisFrance"), ("Paris\u0085", "Paris"), ("a_b", "ab"), ("a-b/c", "abc"),
    ("(x)", "x"), ("x", "[x]"), ("The answer", "answer"), ("\u0661\u0662 apples", "12 apples"),
    ("12 apples", "\u0661\u0662 apples"), ("e=mc^2", "E = mc2"), ("1e", "1e"), ("0x10", "0x10"),
    ("16", "0x10"), ("1d", "1d"), ("1", "1d"),
]

FLOATS = [
    "0", "-0", "+0.0", "1", "-1", "+1", "89706", "1.5", ".5", "5.", ".", "-.5e-3", "1e3", "1E+3", "1e-3", "1e",
    "e5", "1e+", "1_000", "1__000", "_1", "1_", "1_0.5", "1._5", "1_.5", "1e1_0", "1e_1", "1_e1", "0x10", "0X10",
    "0x1p3", "1d", "1f", "1D", "1F", "1L", "NaN", "nan", "nAn", "+nan", "-nan", "inf", "-inf", "+inf", "Infinity",
    "-INFINITY", "infinit", "infinityy", "in f", " 1 ", "\t1\n", "\x0b1\x0c", "\r1", "1\x1c", "\x1f1", "1\x00",
    NBSP + "1", "1" + NBSP, IDEOGRAPHIC + "1", "1\u0085", "1\u2028", "1\u200b", "1 0", "- 1", "--1", "+-1", "",
    " ", NBSP, ARABIC, FULLWIDTH, "\u0661.\u0662", "\uff0e5", "\U0001D7CE", "\U000104A0\U000104A1", "\u00b2",
    "\u2167", "\u0966\u0967", "1e16", "1e15", "123456789012345678", "1234567890123456", "12345678901234567",
    "0.0001", "0.00001", "0.000123", "1e-5", "2.5e-5", "1e22", "1e23", "5e-324", "2e-324", "1e-400", "1e400",
    "1.7976931348623157e308", "1.7976931348623159e308", "2.2250738585072014e-308", "0.1", "0.2", "0.3",
    "0.30000000000000004", "100", "1e2", "9007199254740993", "4.35", "2.675", "1000000", "123.456", "-123.456e-10",
    "1.0000000000000002", "0.1e1", "00", "007", "1" + "0" * 30, "0." + "0" * 30 + "1", "1.23e-4", "9.999999999999999e22",
]


def kind(truth):
    try:
        float(truth)
        return "number"
    except ValueError:
        pass
    return "list" if any(char in truth for char in [",", ";"]) else "string"


def number_text(text):
    cleaned = text
    for char in ["$", "%", ","]:
        cleaned = cleaned.replace(char, "")
    try:
        return repr(float(cleaned))
    except ValueError:
        return cleaned


def element_text(text, truth_elem):
    return number_text(text) if kind(truth_elem) == "number" else normalize_str(text, remove_punct=False)


def normalized(answer, truth):
    answer = "None" if answer is None else answer
    branch = kind(truth)
    if branch == "number":
        return number_text(answer), number_text(truth)
    if branch == "string":
        return normalize_str(answer), normalize_str(truth)
    gts, mas = split_string(truth), split_string(answer)
    a = [element_text(m, gts[i] if i < len(gts) else "") for i, m in enumerate(mas)]
    t = [element_text(g, g) for g in gts]
    return ",".join(a), ",".join(t)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cases = []
    seen = set()
    for answer, truth in CASES:
        if (answer, truth) in seen:
            raise SystemExit(f"duplicate case {answer!r} / {truth!r}")
        seen.add((answer, truth))
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            correct = question_scorer(answer, truth)
        norm_answer, norm_truth = normalized(answer, truth)
        cases.append({"answer": answer, "truth": truth, "correct": bool(correct), "kind": kind(truth),
                      "normalized_answer": norm_answer, "normalized_truth": norm_truth})
    floats = []
    for text in FLOATS:
        try:
            value = repr(float(text))
        except ValueError:
            value = None
        floats.append({"input": text, "repr": value})
    with open(os.path.join(here, "scorer-cases.json"), "w", encoding="ascii") as out:
        json.dump(cases, out, indent=1)
        out.write("\n")
    with open(os.path.join(here, "float-cases.json"), "w", encoding="ascii") as out:
        json.dump(floats, out, indent=1)
        out.write("\n")
    print(f"{len(cases)} scorer cases ({sum(c['correct'] for c in cases)} correct), {len(floats)} float cases")


if __name__ == "__main__":
    main()
