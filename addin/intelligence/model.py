"""The trained artefact: learned category correction and issue model (numpy only).

Loads ``addin/data/intelligence_model.npz`` once per process (``load_model``,
cached in ``_MODEL``), runs the logistic correction over the rule engine's
findings and the GRU ensemble over the words, scores the issues, and decides
both in ``infer``.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
from threadpoolctl import threadpool_limits

from .french import french_issues
from .parsing import Parse, action_features, parse
from .text import CATEGORY_NAMES, clean_text

# The artefact lives in addin/data/, beside the package, where package-data ships it.
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "intelligence_model.npz"


@dataclass(frozen=True)
class Inference:
    action: int                 # 1..5
    action_confidence: float    # 0..1
    action_reason: str          # names the deciding verb
    issues: tuple[str, ...]     # canonical UPR Info issue names, most confident first; may be empty
    issue_confidence: dict[str, float]


class LogisticCorrection:
    """The multinomial logistic correction of the rule category: weights over action_features."""

    def __init__(self, vocab: Sequence[str], w: np.ndarray, b: np.ndarray):
        self.index = {f: i for i, f in enumerate(vocab)}
        self.w = w.astype(np.float32)
        self.b = b.astype(np.float32)

    def proba(self, parses: Sequence[Parse]) -> np.ndarray:
        rows, cols = [], []
        for r, p in enumerate(parses):
            # Distinct features, as in training (binary): a feature found twice must not count twice.
            for f in dict.fromkeys(action_features(p)):
                j = self.index.get(f)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
        scores = np.tile(self.b, (len(parses), 1))
        if cols:
            np.add.at(scores, np.asarray(rows), self.w[np.asarray(cols)])
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)


_GRU_TOKEN = re.compile(r"[a-z]+|[0-9]+|[^\sa-z0-9]")
GRU_START, GRU_PAD, GRU_UNKNOWN = "<s>", 0, 1


def gru_tokens(text: str) -> list[str]:
    """What the neural category model reads: a start mark, then lower-cased words, numbers and signs."""
    return [GRU_START] + _GRU_TOKEN.findall(clean_text(text).lower())


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))  # one ufunc instead of exp + divide; no overflow warnings


class CategoryGRU:
    """Forward pass of the seed ensemble of bidirectional GRUs trained by scripts/train_intelligence.py.

    Same arithmetic as torch.nn.GRU over a packed batch: each text is read forwards from its first
    token and backwards from its own last token (not from the padding), and the features are both
    final states plus the maximum over time of each direction's outputs.
    """

    def __init__(self, vocab: Sequence[str], emb, w_ih, w_hh, b_ih, b_hh, fc_w, fc_b, max_tokens: int):
        self.index = {w: i + 2 for i, w in enumerate(vocab)}  # 0 padding, 1 unknown
        seeds, _, hidden3, _ = w_ih.shape                       # (seeds, 2 directions, 3H, E)
        self.streams = 2 * seeds                                # every seed and direction runs in one batch
        # A word's input projection does not depend on the text: one table lookup per step replaces a
        # matmul. (seeds, 2, vocab, 3H)
        emb = emb.astype(np.float32)
        self.input_table = (np.matmul(emb[:, None], w_ih.astype(np.float32).transpose(0, 1, 3, 2))
                            + b_ih.astype(np.float32)[:, :, None, :])
        self.w_hh = w_hh.astype(np.float32).reshape(self.streams, hidden3, -1).transpose(0, 2, 1)
        self.b_hh = b_hh.astype(np.float32).reshape(self.streams, 1, hidden3)
        self.fc_w = fc_w.astype(np.float32)                     # (seeds, classes, 4H)
        self.fc_b = fc_b.astype(np.float32)
        self.hidden = hidden3 // 3
        self.max_tokens = max_tokens

    @classmethod
    def from_arrays(cls, arrays, max_tokens: int) -> "CategoryGRU":
        """From the gru_* arrays as stored (the artefact, or the training script's output)."""
        emb = arrays["gru_emb"] * arrays["gru_emb_scale"].astype(np.float32)  # int8 codes, one scale per word
        return cls(json.loads(bytes(arrays["gru_vocab"]).decode("utf-8")), emb,
                   *(arrays[f"gru_{k}"] for k in ("w_ih", "w_hh", "b_ih", "b_hh", "fc_w", "fc_b")),
                   max_tokens=max_tokens)

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        ids = np.zeros((len(texts), self.max_tokens), np.int64)
        lengths = np.zeros(len(texts), np.int64)
        for r, text in enumerate(texts):
            row = [self.index.get(w, GRU_UNKNOWN) for w in gru_tokens(text)[: self.max_tokens]]
            ids[r, : len(row)] = row
            lengths[r] = len(row)
        return ids, lengths

    def proba(self, texts: Sequence[str], chunk: int = 512) -> np.ndarray:
        """Class probabilities averaged over the seeds, one row per text."""
        ids, lengths = self.encode(texts)
        out = np.zeros((len(texts), self.fc_w.shape[1]), np.float32)
        order = np.argsort(lengths, kind="stable")  # similar lengths together: fewer wasted steps
        # Hundreds of small matmuls per chunk: BLAS threads cost more than they give, and on a loaded
        # machine they stall (10k texts took 25 s instead of 1 s with two busy cores).
        with threadpool_limits(limits=1, user_api="blas"):
            for start in range(0, len(order), chunk):
                rows = order[start:start + chunk]
                out[rows] = self._forward(ids[rows], lengths[rows])
        return out

    def _forward(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        n, steps, H, S = len(ids), int(lengths.max()), self.hidden, self.streams
        seeds = S // 2
        forward_tokens = ids[:, :steps]
        # the backward direction reads each text from its own last token
        backward_pos = np.clip(lengths[:, None] - 1 - np.arange(steps)[None, :], 0, steps - 1)
        backward_tokens = np.take_along_axis(ids, backward_pos, axis=1)
        table_f, table_b = self.input_table[:, 0], self.input_table[:, 1]
        h = np.zeros((S, n, H), np.float32)
        top = np.full((S, n, H), -np.inf, np.float32)
        gi = np.empty((seeds, 2, n, 3 * H), np.float32)
        for step in range(steps):
            active = (step < lengths)[None, :, None]
            gi[:, 0] = table_f[:, forward_tokens[:, step]]
            gi[:, 1] = table_b[:, backward_tokens[:, step]]
            gi_s = gi.reshape(S, n, 3 * H)
            gh = np.matmul(h, self.w_hh) + self.b_hh
            r = _sigmoid(gi_s[..., :H] + gh[..., :H])
            z = _sigmoid(gi_s[..., H:2 * H] + gh[..., H:2 * H])
            cand = np.tanh(gi_s[..., 2 * H:] + r * gh[..., 2 * H:])
            new = (1.0 - z) * cand + z * h
            h = np.where(active, new, h)
            top = np.where(active, np.maximum(top, new), top)
        h = h.reshape(seeds, 2, n, H)
        top = top.reshape(seeds, 2, n, H)
        feats = np.concatenate([h[:, 0], h[:, 1], top[:, 0], top[:, 1]], axis=-1)  # (seeds, n, 4H)
        scores = np.matmul(feats, self.fc_w.transpose(0, 2, 1)) + self.fc_b[:, None, :]
        scores -= scores.max(axis=-1, keepdims=True)
        e = np.exp(scores)
        return (e / e.sum(axis=-1, keepdims=True)).mean(axis=0)


class Model:
    """Weights loaded from the .npz artefact written by scripts/train_intelligence.py."""

    def __init__(self, path: Path = MODEL_PATH):
        with np.load(path, allow_pickle=False) as z:
            self.meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            self.logistic = LogisticCorrection(json.loads(bytes(z["cat_vocab"]).decode("utf-8")), z["cat_w"],
                                               z["cat_b"])
            self.cat_classes = z["cat_classes"].astype(np.int64)
            self.iss_index = {f: i for i, f in enumerate(json.loads(bytes(z["iss_vocab"]).decode("utf-8")))}
            self.iss_idf = z["iss_idf"].astype(np.float32)
            self.iss_w = z["iss_w"].astype(np.float32)
            self.iss_b = z["iss_b"].astype(np.float32)
            self.iss_thr = z["iss_thr"].astype(np.float32)
            self.labels = tuple(json.loads(bytes(z["labels"]).decode("utf-8")))
            self.gru = None
            if "gru_vocab" in z.files:  # artefacts built with --no-neural have the logistic correction only
                self.gru = CategoryGRU.from_arrays(z, int(self.meta["gru"]["max_tokens"]))
                self.gru_weight = float(self.meta["gru"]["weight"])
        self.ngram_max = int(self.meta.get("ngram_max", 2))
        self.min_top = float(self.meta.get("min_top_probability", 1.0))

    # -- category ---------------------------------------------------------
    def category_proba(self, parses: Sequence[Parse], texts: Sequence[str]) -> np.ndarray:
        """Probabilities of the classes in `cat_classes`: the logistic correction, averaged with the GRU."""
        proba = self.logistic_proba(parses)
        if self.gru is not None and len(texts):
            proba = self.gru_weight * self.gru.proba(texts) + (1.0 - self.gru_weight) * proba
        return proba

    def logistic_proba(self, parses: Sequence[Parse]) -> np.ndarray:
        return self.logistic.proba(parses)

    # -- issues -----------------------------------------------------------
    def issue_terms(self, tokens: Sequence[str]) -> list[str]:
        words = [t for t in tokens if t not in _PUNCT]
        terms = list(words)
        for n in range(2, self.ngram_max + 1):
            terms.extend(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
        return terms

    def issue_proba(self, token_lists: Sequence[Sequence[str]], chunk: int = 2048) -> np.ndarray:
        out = np.zeros((len(token_lists), len(self.labels)), np.float32)
        for start in range(0, len(token_lists), chunk):
            part = token_lists[start:start + chunk]
            rows, cols, vals = [], [], []
            for r, toks in enumerate(part):
                counts: dict[int, int] = {}
                for term in self.issue_terms(toks):
                    j = self.iss_index.get(term)
                    if j is not None:
                        counts[j] = counts.get(j, 0) + 1
                if not counts:
                    continue
                idx = np.fromiter(counts.keys(), np.int64, len(counts))
                tf = 1.0 + np.log(np.fromiter(counts.values(), np.float32, len(counts)))
                x = tf * self.iss_idf[idx]
                x /= np.sqrt(float((x * x).sum())) or 1.0
                rows.append(np.full(len(idx), r))
                cols.append(idx)
                vals.append(x)
            scores = np.tile(self.iss_b, (len(part), 1))
            if cols:
                r_all = np.concatenate(rows)
                c_all = np.concatenate(cols)
                v_all = np.concatenate(vals).astype(np.float32)
                np.add.at(scores, r_all, self.iss_w[c_all] * v_all[:, None])
            out[start:start + len(part)] = 1.0 / (1.0 + np.exp(-scores))
        return out


_PUNCT = {",", ";", ":", "(", ")"}
_MODEL: Model | None = None
_MODEL_LOCK = threading.Lock()


def load_model(path: Path | None = None) -> Model:
    """The trained artefact, loaded once per process (offline, numpy only)."""
    global _MODEL
    if path is not None:
        return Model(path)
    with _MODEL_LOCK:
        if _MODEL is None:
            _MODEL = Model(MODEL_PATH)
        return _MODEL


def _decide_category(p: Parse, proba: np.ndarray | None, classes: np.ndarray) -> tuple[int, float, str]:
    if proba is None or p.lang != "en" or p.path in ("empty",):
        return p.category, p.confidence, p.reason
    k = int(proba.argmax())
    cat = int(classes[k])
    conf = float(proba[k])
    if cat == p.category:
        return cat, conf, p.reason
    verb = p.verb2 or p.verb1 or "?"
    obj = " ".join(p.next_words[:2])
    what = f"'{verb}{' ' + obj if obj else ''}'"
    return cat, conf, (f"{what} scored {cat} ({CATEGORY_NAMES[cat]}) by the learned correction; "
                       f"rules said {p.category}: {p.reason}")


def infer(texts: Sequence[str]) -> list[Inference]:
    """Action category and issues for each text (batch; the model is loaded once)."""
    texts = [t if isinstance(t, str) else ("" if t is None else str(t)) for t in texts]
    if not texts:
        return []
    model = load_model()
    parses = [parse(t) for t in texts]
    en = [i for i, p in enumerate(parses) if p.lang == "en" and p.path != "empty"]
    cat_proba = (model.category_proba([parses[i] for i in en], [texts[i] for i in en]) if en
                 else np.zeros((0, 5)))
    proba_of = {i: cat_proba[n] for n, i in enumerate(en)}
    token_lists = [p.tokens for p in parses]
    iss = model.issue_proba(token_lists)
    results = []
    for i, p in enumerate(parses):
        action, a_conf, reason = _decide_category(p, proba_of.get(i), model.cat_classes)
        conf = _issue_decision(iss[i], model, p, texts[i])
        ordered = tuple(sorted(conf, key=lambda k: -conf[k]))
        results.append(Inference(action, round(float(a_conf), 4), reason, ordered,
                                 {k: round(float(conf[k]), 4) for k in ordered}))
    return results


def _issue_decision(prob: np.ndarray, model: Model, p: Parse, text: str) -> dict[str, float]:
    chosen = {model.labels[j]: float(prob[j]) for j in np.flatnonzero(prob >= model.iss_thr)}
    if p.lang == "fr":
        # The model was trained on English; keep only its confident calls and add the keyword layer.
        chosen = {k: v for k, v in chosen.items() if v >= 0.5}
        for k, v in french_issues(text).items():
            chosen[k] = max(chosen.get(k, 0.0), v)
    elif not chosen and p.tokens:
        j = int(prob.argmax())
        if prob[j] >= model.min_top:
            chosen[model.labels[j]] = float(prob[j])
    return chosen
