"""Building and scoring the artefact: train both models on some rows and write the .npz, score a validation
artefact on held-out sessions through the runtime's `infer`, category accuracy leave one session out and along
a learning curve, and the --reproduce check of the figures the shipped artefact records.
"""
from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from addin import intelligence as I
# Private helpers are read (and _MODEL swapped) in the submodule that owns them.
from addin.intelligence import model as I_model, verbs as I_verbs

from .category import gru_weight, neural_category, train_category
from .data import blob, first_word, groups_function, label_matrix, load
from .figures import confusion, f1_table
from .issues import fit_issue_model, issue_docs, tune_thresholds
from .settings import (CAT_C, CAT_MIN_COUNT, DISTIL, GRU, ISS_C, ISS_MAX_FEATURES, ISS_MIN_DF, ISS_NGRAM,
                       MIN_TOP_PROBABILITY, TEACHER, TEACHER_SHA256)


def build_artefact(rows: pd.DataFrame, out: Path, meta: dict, neural: bool = True,
                   teacher: Path | None = None) -> dict:
    """Train the category correction and the issue model on `rows` and write the artefact to `out`."""
    t0 = time.time()
    labels = list(I.ISSUES)
    parses = [I.parse(t) for t in rows.Text]
    cat_vocab, cat_w, cat_b, cat_classes = train_category(parses, rows.Action.to_numpy())
    gru = neural_category(list(rows.Text), rows.Action.to_numpy(), teacher) if neural else {}
    if gru:
        assert np.array_equal(gru.pop("gru_classes"), cat_classes), "both category models must share classes"
        settings = {k: GRU[k] for k in ("max_tokens", "seeds", "emb", "hidden")}
        settings["weight"] = gru_weight(teacher)
        if teacher:
            settings["distilled_from"] = {**TEACHER, **DISTIL, "sha256": TEACHER_SHA256}
        meta = {"gru": settings, **meta}
    docs = issue_docs(rows.Text)
    y = label_matrix(rows.issues, labels)
    thr, oof = tune_thresholds(docs, y, rows.Session.to_numpy())
    iss_vocab, iss_idf, iss_w, iss_b = fit_issue_model(docs, y)
    meta = {
        "format": 1,
        "train_sessions": sorted(int(s) for s in rows.Session.unique()),
        "source": "UPR Info database export, sessions 1-15 (../shared/data/upr-info)",
        "ngram_max": ISS_NGRAM,
        "min_top_probability": MIN_TOP_PROBABILITY,
        "hyperparameters": {"cat_C": CAT_C, "cat_min_count": CAT_MIN_COUNT, "iss_C": ISS_C,
                            "iss_min_df": ISS_MIN_DF, "iss_max_features": ISS_MAX_FEATURES},
        **meta,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        meta=blob(meta),
        cat_vocab=blob(cat_vocab), cat_w=cat_w.astype(np.float16), cat_b=cat_b.astype(np.float32),
        cat_classes=cat_classes,
        iss_vocab=blob(iss_vocab), iss_idf=iss_idf.astype(np.float16), iss_w=iss_w.astype(np.float16),
        iss_b=iss_b.astype(np.float32), iss_thr=thr.astype(np.float32), labels=blob(labels),
        **gru,
    )
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KB; trained on sessions {meta['train_sessions']}, "
          f"{len(rows)} rows, {time.time() - t0:.0f} s)")
    _, oof_micro, _ = f1_table(y, (oof >= thr).astype(np.int8), labels)
    return {"cat_features": len(cat_vocab), "iss_features": len(iss_vocab), "thr": thr, "oof_micro": oof_micro,
            "kb": out.stat().st_size / 1024,
            "gru_words": len(json.loads(bytes(gru["gru_vocab"]).decode("utf-8"))) if gru else 0}


def evaluate(artefact: Path, tr: pd.DataFrame, va: pd.DataFrame, val_sessions: list[int], info: dict,
             speed_texts: int = 10000) -> dict:
    """Score a validation artefact on the held-out rows, through the runtime code path.

    `speed_texts` texts are classified once more to time `infer` (0: not timed)."""
    labels = list(I.ISSUES)
    t_load = time.time()
    model = I.load_model(artefact)
    load_seconds = time.time() - t_load
    previous, I_model._MODEL = I_model._MODEL, model
    try:
        inf = I.infer(list(va.Text))
        seconds_10k = 0.0
        if speed_texts:
            sample = (list(va.Text) * (speed_texts // len(va) + 1))[:speed_texts]
            t1 = time.time()
            I.infer(sample)
            seconds_10k = (time.time() - t1) * 10000 / speed_texts
    finally:
        I_model._MODEL = previous
    y_cat = va.Action.to_numpy()
    pred_cat = np.array([r.action for r in inf])
    parses = [I.parse(t) for t in va.Text]
    rules = np.array([p.category for p in parses])
    logistic = np.array([I_model._decide_category(p, q, model.cat_classes)[0]
                         for p, q in zip(parses, model.logistic_proba(parses))])
    fw_tr = Counter()
    by_word: dict[str, Counter] = {}
    for t, a in zip(tr.Text, tr.Action):
        by_word.setdefault(first_word(t), Counter())[a] += 1
        fw_tr[a] += 1
    default = fw_tr.most_common(1)[0][0]
    baseline = np.array([by_word.get(first_word(t), Counter({default: 1})).most_common(1)[0][0] for t in va.Text])
    lexicon = np.array([I.EN_VERBS.get(I_verbs._en_lemma(first_word(t)), 4) for t in va.Text])

    y_va = label_matrix(va.issues, labels)
    index = {l: k for k, l in enumerate(labels)}
    pred_iss = np.zeros_like(y_va)
    for r, res in enumerate(inf):
        for name in res.issues:
            pred_iss[r, index[name]] = 1
    rows, micro, macro = f1_table(y_va, pred_iss, labels)
    tp = int((pred_iss & y_va).sum())

    per_session = []
    for s in val_sessions:
        m = (va.Session == s).to_numpy()
        _, f1_s, _ = f1_table(y_va[m], pred_iss[m], labels)
        per_session.append((s, int(m.sum()), float((pred_cat[m] == y_cat[m]).mean()),
                            float((rules[m] == y_cat[m]).mean()), f1_s))

    gfun, gsource = groups_function()
    gold_groups = [gfun(list(x)) for x in va.issues]
    pred_groups = [gfun(list(r.issues)) for r in inf]
    group_names = sorted({g for gs in gold_groups + pred_groups for g in gs})
    grows, gmicro, _ = f1_table(label_matrix(gold_groups, group_names), label_matrix(pred_groups, group_names),
                                group_names)
    return {
        "train_sessions": sorted(int(s) for s in tr.Session.unique()), "val_sessions": val_sessions,
        "n_train": len(tr), "n_val": len(va), "groups_source": gsource,
        "baseline_first_word": float((baseline == y_cat).mean()),
        "baseline_lexicon": float((lexicon == y_cat).mean()),
        "rules_accuracy": float((rules == y_cat).mean()),
        "category_accuracy": float((pred_cat == y_cat).mean()),
        "logistic_accuracy": float((logistic == y_cat).mean()), "neural": model.gru is not None,
        "distilled": bool(model.meta.get("gru", {}).get("distilled_from")),
        "confusion": confusion(y_cat, pred_cat).tolist(),
        "per_session": per_session,
        "issues_micro_f1": micro, "issues_macro_f1": macro,
        "issues_micro_precision": tp / max(int(pred_iss.sum()), 1),
        "issues_micro_recall": tp / max(int(y_va.sum()), 1),
        "issues_exact": float((pred_iss == y_va).all(axis=1).mean()),
        "issues_oof_micro_f1": info["oof_micro"],
        "per_issue": [(l, n, p, r, f, float(info["thr"][k])) for k, (l, n, p, r, f) in enumerate(rows)],
        "groups_exact": float(np.mean([set(a) == set(b) for a, b in zip(gold_groups, pred_groups)])),
        "groups_micro_f1": gmicro,
        "per_group": grows,
        "seconds_10k": seconds_10k, "load_seconds": load_seconds,
        "model_kb": info["kb"], "gru_words": info.get("gru_words", 0),
        "cat_features": info["cat_features"], "iss_features": info["iss_features"], "n_labels": len(labels),
    }


def category_accuracy(df: pd.DataFrame, parses: list, train: np.ndarray, test: np.ndarray,
                      neural: bool = False, teacher: Path | None = None) -> tuple[float, float, float]:
    """Category accuracy on `test` rows when trained on `train` rows: the learned correction (with the GRU if
    `neural`), the rules alone, and the logistic correction alone."""
    y = df.Action.to_numpy()
    vocab, W, b, classes = train_category([p for p, t in zip(parses, train) if t], y[train])
    held = [p for p, t in zip(parses, test) if t]
    logistic = proba = I.LogisticCorrection(vocab, W, b).proba(held)   # scored as the runtime scores
    if neural:
        gru = I.CategoryGRU.from_arrays(neural_category(list(df.Text[train]), y[train], teacher), GRU["max_tokens"])
        w = gru_weight(teacher)
        proba = w * gru.proba(list(df.Text[test])) + (1 - w) * logistic
    gold = y[test]

    def accuracy(q):  # the runtime's decision: the correction scores English only
        return float(np.mean(np.array([I_model._decide_category(p, r, classes)[0] for p, r in zip(held, q)]) == gold))
    return accuracy(proba), float(np.mean(np.array([p.category for p in held]) == gold)), accuracy(logistic)


def leave_one_session_out(df: pd.DataFrame, sessions: list[int],
                          neural: bool = True, teacher: Path | None = None) -> list[tuple[int, int, float, float, float]]:
    """Category accuracy on each session when trained on every other one, with the shipped procedure.

    Estimates what the final refit (all sessions) does on a later session: the second UPR cycle starts at
    session 13, so these runs see the other second-cycle sessions, as the shipped model does.
    """
    parses = [I.parse(t) for t in df.Text]
    out = []
    for s in sessions:
        te = (df.Session == s).to_numpy()
        out.append((s, int(te.sum()), *category_accuracy(df, parses, ~te, te, neural, teacher)))
    return out


def learning_curve(df: pd.DataFrame, val_sessions: list[int]) -> list[tuple[str, int, float]]:
    """Category accuracy on the validation sessions when trained on the earliest or the latest k sessions."""
    parses = [I.parse(t) for t in df.Text]
    test = df.Session.isin(val_sessions).to_numpy()
    earlier = sorted(s for s in df.Session.unique() if s < min(val_sessions))
    out = []
    for k in (4, 8, len(earlier)):
        for name, chosen in (("earliest", earlier[:k]), ("latest", earlier[-k:])):
            if name == "earliest" and k == len(earlier):
                continue
            train = df.Session.isin(chosen).to_numpy()
            label = f"{name} {k} ({chosen[0]}-{chosen[-1]})" if k < len(earlier) else f"all {k} ({chosen[0]}-{chosen[-1]})"
            out.append((label, int(train.sum()), category_accuracy(df, parses, train, test)[0]))
    return out


REPRODUCE_TOLERANCE = 0.003  # torch's CPU kernels may round differently on another processor


def reproduce(data: Path, artefact: Path = I.MODEL_PATH) -> tuple[dict, list[str]]:
    """Rebuild the validation model whose figures `artefact` records, with this script's functions but without
    the teacher (its fine-tuning alone takes about 45 minutes), score it on the held-out sessions and compare.

    Returns the figures and the lines of those that differ from the recorded ones by REPRODUCE_TOLERANCE or more.
    """
    recorded = I.load_model(artefact).meta["validation"]
    val_sessions = recorded["val_sessions"]
    df = load(data)
    held_out = df["Session"].isin(val_sessions).to_numpy()
    train, val = df[~held_out].reset_index(drop=True), df[held_out].reset_index(drop=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "validation.npz"
        info = build_artefact(train, out, {"val_sessions": val_sessions})
        fig = evaluate(out, train, val, val_sessions, info, speed_texts=0)
    # A distilled artefact also records its validation with the GRU trained on the labels alone: that is the
    # ensemble rebuilt here.
    category = "undistilled_accuracy" if "undistilled_accuracy" in recorded else "category_accuracy"
    pairs = [("category_accuracy", category), ("logistic_accuracy", "logistic_accuracy"),
             ("issues_micro_f1", "issues_micro_f1"), ("groups_micro_f1", "groups_micro_f1")]
    differ = [f"{key}: recorded {recorded[key]:.4f}, rebuilt {fig[rebuilt]:.4f}" for rebuilt, key in pairs
              if abs(fig[rebuilt] - recorded[key]) >= REPRODUCE_TOLERANCE]
    if set(fig["train_sessions"]) != set(recorded["train_sessions"]):
        differ.append(f"train_sessions: recorded {recorded['train_sessions']}, rebuilt {fig['train_sessions']}")
    return fig, differ
