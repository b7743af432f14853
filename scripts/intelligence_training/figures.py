"""The validation figures: per-label F1 tables, the category confusion matrix, the markdown block they make,
and its refresh between the figures markers of docs/intelligence.md.
"""
import numpy as np

from .settings import DOC, GRU


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
