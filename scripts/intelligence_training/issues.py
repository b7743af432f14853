"""The issue model: TF-IDF over word uni- and bigrams, one logistic regression per issue, and per-issue
thresholds tuned on session-grouped out-of-fold probabilities. scikit-learn is imported when a model is fitted.
"""
import numpy as np

from addin import intelligence as I
from addin.intelligence import model as I_model, text as I_text

from .settings import ISS_C, ISS_MAX_FEATURES, ISS_MIN_DF, ISS_NGRAM, THRESHOLD_GRID, THRESHOLD_PRIOR


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
