#!/usr/bin/env python3
"""Out-of-fold class probabilities of the shipped category correction (exploratory; see README.md here).

    python3 scripts/experiments/lr_probas.py OUT.npz

oof_cv12: sessions 1-12, 4-fold CV grouped by session ({1,5,9},{2,6,10},{3,7,11},{4,8,12});
loo_13_15: each of sessions 13-15 from a model trained on every other session of 1-15.
Rows are the export's rows with a Text, in file order.
"""
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]
from intelligence_training.category import train_category  # noqa: E402
from intelligence_training.data import load  # noqa: E402
from intelligence_training.settings import DEFAULT_DATA  # noqa: E402
from addin import intelligence as I  # noqa: E402


def proba(parses, y, train, test):
    vocab, W, b, _ = train_category([p for p, t in zip(parses, train) if t], y[train])
    return I.LogisticCorrection(vocab, W, b).proba([p for p, t in zip(parses, test) if t])


def main(out: str) -> None:
    df = load(DEFAULT_DATA)
    parses = [I.parse(t) for t in df.Text]
    y, S = df.Action.to_numpy(), df.Session.to_numpy()
    oof = np.full((len(df), 5), np.nan)
    for fold in ([1, 5, 9], [2, 6, 10], [3, 7, 11], [4, 8, 12]):
        test = np.isin(S, fold)
        oof[test] = proba(parses, y, (S <= 12) & ~test, test)
    loo = np.full((len(df), 5), np.nan)
    for s in (13, 14, 15):
        loo[S == s] = proba(parses, y, S != s, S == s)
    np.savez(out, oof_cv12=oof, loo_13_15=loo, session=S, action=y)
    for name, P in (("oof_cv12", oof), ("loo_13_15", loo)):
        m = ~np.isnan(P[:, 0])
        print(name, round(float((P[m].argmax(1) + 1 == y[m]).mean()), 4))


if __name__ == "__main__":
    main(sys.argv[1])
