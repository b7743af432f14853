"""Inference of UPR Info action categories and issues (addin.intelligence)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from conftest import IN_CI, measure, shared_file

from addin import intelligence as I

REPO = Path(__file__).resolve().parents[1]


def category(text: str) -> int:
    return I.action_category(text)[0]


# --------------------------------------------------------------------------
# McMahon rules (rules only, action_category)
# --------------------------------------------------------------------------

def test_second_leading_verb_decides():
    cat, conf, reason = I.action_category("Continue and strengthen its efforts to combat trafficking in persons")
    assert cat == 4
    assert "strengthen" in reason and "second" in reason
    assert category("Sign and ratify the Convention on the Rights of Persons with Disabilities") == 5
    assert category("Maintain and intensify efforts to reduce poverty") == 4


def test_general_verb_with_specific_example_is_specific():
    cat, _, reason = I.action_category(
        "Take measures to combat violence against women, including by adopting a law on domestic violence")
    assert cat == 5
    assert "adopting" in reason
    assert category("Take measures to combat violence against women") == 4


@pytest.mark.parametrize("text", [
    "Call on the international community to provide assistance to Haiti in its reconstruction",
    "Seek technical assistance from OHCHR to prepare its reports to the treaty bodies",
    "Request technical and financial assistance from the international community",
    "Share its best practices in poverty reduction with other developing countries",
    "The international community to support Kenya through capacity-building programmes",
])
def test_addressed_to_others_or_asking_for_assistance_is_minimal(text):
    assert category(text) == 1


@pytest.mark.parametrize("text, expected", [
    ("Seek the support of OHCHR in strengthening its national human rights institution", 1),
    ("Continue its efforts to promote and protect the rights of women", 2),
    ("Maintain the de facto moratorium on the death penalty", 2),
    ("Pursue its efforts to improve access to education in rural areas", 2),
    ("Persevere in its efforts to combat poverty", 2),
    ("Consider ratifying the Optional Protocol to the Convention against Torture", 3),
    ("Review its legislation on freedom of assembly", 3),
    ("Examine the possibility of establishing a national human rights institution", 3),
    ("Explore ways to improve the conditions of detention", 3),
    ("Ensure that all children are registered at birth", 4),
    ("Promote the participation of women in political life", 4),
    ("Strengthen the independence of the judiciary", 4),
    ("Take further measures to combat racial discrimination", 4),
    ("Intensify efforts to combat child labour", 4),
    ("Ratify the Convention on the Rights of Persons with Disabilities", 5),
    ("Abolish the death penalty", 5),
    ("Adopt a law on violence against women", 5),
    ("Establish a national human rights institution in line with the Paris Principles", 5),
    ("Investigate all allegations of torture and bring perpetrators to justice", 5),
    ("Amend the Penal Code to criminalize marital rape", 5),
    ("Extend a standing invitation to the special procedures", 5),
])
def test_each_category_in_english(text, expected):
    assert category(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ratifier la Convention internationale pour la protection de toutes les personnes contre les disparitions forcées", 5),
    ("Poursuivre ses efforts en vue de promouvoir les droits des femmes", 2),
    ("Envisager de ratifier le Protocole facultatif se rapportant à la Convention contre la torture", 3),
    ("Veiller à ce que tous les enfants soient enregistrés à la naissance", 4),
    ("Continuer de renforcer l'indépendance du pouvoir judiciaire", 4),
    ("Adopter une loi contre la traite des êtres humains", 5),
    ("Solliciter l'assistance technique du Haut-Commissariat aux droits de l'homme", 1),
    ("Partager ses bonnes pratiques avec les autres pays de la région", 1),
    ("Prendre des mesures pour lutter contre la violence à l'égard des femmes, notamment en adoptant une loi", 5),
    ("Poursuivre et renforcer ses efforts de lutte contre la pauvreté", 4),
    ("Poursuivre en justice les auteurs de violences sexuelles", 5),
    ("Abolir la peine de mort", 5),
])
def test_french_verbs(text, expected):
    assert category(text) == expected


def test_reason_names_the_deciding_verb_and_confidence_is_a_probability():
    cat, conf, reason = I.action_category("Ratify the Rome Statute of the International Criminal Court")
    assert (cat, "ratify") == (5, reason.split("'")[1])
    assert 0.0 < conf <= 1.0


def test_un_report_paragraph_numbers_and_recommending_state_are_ignored():
    assert I.clean_text("77.12. Ratify the Rome Statute (Belgium);") == "Ratify the Rome Statute"
    assert category("77.12. Consider ratifying the Rome Statute (Belgium);") == 3


# --------------------------------------------------------------------------
# infer: batch, learned correction and issues
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, issue", [
    ("Investigate all allegations of torture and ill-treatment in places of detention", "Torture and other CID treatment"),
    ("Abolish the death penalty and commute all death sentences", "Death penalty"),
    ("Take measures to protect children from sexual abuse and exploitation", "Rights of the Child"),
    ("Adopt a comprehensive law on violence against women", "Women's rights"),
    ("Prendre des mesures pour prévenir la torture dans les lieux de détention", "Torture and other CID treatment"),
    ("Abolir la peine de mort", "Death penalty"),
    ("Protéger les enfants contre toutes les formes d'exploitation", "Rights of the Child"),
    ("Lutter contre la violence à l'égard des femmes", "Women's rights"),
    ("Ratifier la Convention relative aux droits des personnes handicapées", "International instruments"),
    ("Garantir la liberté d'expression des journalistes", "Freedom of opinion and expression"),
])
def test_issues_for_clear_texts(text, issue):
    (result,) = I.infer([text])
    assert issue in result.issues
    assert set(result.issues) <= set(I.ISSUES)
    assert set(result.issue_confidence) == set(result.issues)
    confidences = [result.issue_confidence[i] for i in result.issues]
    assert confidences == sorted(confidences, reverse=True)


def test_infer_is_a_batch_of_frozen_results_in_input_order():
    texts = ["Abolish the death penalty", "Continue its efforts to reduce poverty", "", None]
    results = I.infer(texts)
    assert [r.action for r in results[:2]] == [5, 2]
    assert all(1 <= r.action <= 5 and 0.0 <= r.action_confidence <= 1.0 for r in results)
    assert results[2].issues == ()
    with pytest.raises(Exception):
        results[0].action = 3
    assert I.infer([]) == []


def test_model_artefact_is_small_and_loads_offline_with_numpy_only():
    assert I.MODEL_PATH.exists(), "run python3 scripts/train_intelligence.py"
    assert I.MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    code = (
        "import builtins, socket, sys\n"
        "real_import = builtins.__import__\n"
        "def guarded(name, *a, **k):\n"
        "    if name.split('.')[0] in ('sklearn', 'scipy', 'torch'):\n"
        "        raise ImportError('runtime must not need ' + name)\n"
        "    return real_import(name, *a, **k)\n"
        "builtins.__import__ = guarded\n"
        "def no_network(*a, **k):\n"
        "    raise OSError('network used at run time')\n"
        "socket.socket = no_network\n"
        "socket.create_connection = no_network\n"
        "from addin import intelligence as I\n"
        "m = I.load_model()\n"
        "assert m.labels == I.ISSUES, m.labels\n"
        "r = I.infer(['Abolish the death penalty'])[0]\n"
        "assert r.action == 5 and 'Death penalty' in r.issues, r\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_classify_csv_reads_bom_any_header_case_and_mac_roman(tmp_path):
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text("To,TEXT,Session\nRwanda,Abolish the death penalty,10\n"
                    "Rwanda,\"Continue and strengthen efforts to protect women's rights\",10\n", encoding="utf-8-sig")
    rows = I.classify_csv(utf8)
    assert [r["row"] for r in rows] == [1, 2]
    assert [r["action"] for r in rows] == [5, 4]
    assert "Death penalty" in rows[0]["issues"]
    assert set(rows[0]) == {"row", "action", "issues", "groups", "confidence", "reason"}
    assert set(rows[0]["confidence"]) == {"action", "issues"}
    assert "Justice" in rows[0]["groups"]

    mac = tmp_path / "mac.csv"
    mac.write_bytes("Text,Session\r\"Ratifier la Convention contre la torture\",10\rConsider ratifying the CRPD ‘soon’,10\r"
                    .encode("mac_roman"))
    rows = I.classify_csv(mac)
    assert [r["action"] for r in rows] == [5, 3]
    assert "Torture and other CID treatment" in rows[0]["issues"]


# --------------------------------------------------------------------------
# Neural category model: the numpy forward pass is torch's packed bi-GRU
# --------------------------------------------------------------------------

def _torch():
    if IN_CI:
        import torch  # CI installs it (.ci/run); a missing torch must fail there, not skip
        return torch
    return pytest.importorskip("torch", reason="training the neural model needs torch (pip install torch==2.13.0)")


def test_numpy_gru_matches_torch_packed_bidirectional_gru():
    torch = _torch()
    from torch import nn

    torch.manual_seed(7)
    vocab = ["<s>", "ensure", "ratify", "the", "convention", "continue", "efforts", ",", "."]
    seeds, E, H = 2, 8, 6
    nets = [(nn.Embedding(len(vocab) + 2, E, padding_idx=0), nn.GRU(E, H, batch_first=True, bidirectional=True),
             nn.Linear(4 * H, 5)) for _ in range(seeds)]
    g = {k: [] for k in ("emb", "w_ih", "w_hh", "b_ih", "b_hh", "fc_w", "fc_b")}
    for emb, rnn, fc in nets:
        g["emb"].append(emb.weight.detach().numpy())
        for name, key in (("w_ih", "weight_ih_l0"), ("w_hh", "weight_hh_l0"), ("b_ih", "bias_ih_l0"),
                          ("b_hh", "bias_hh_l0")):
            g[name].append(np.stack([getattr(rnn, key).detach().numpy(),
                                     getattr(rnn, key + "_reverse").detach().numpy()]))
        g["fc_w"].append(fc.weight.detach().numpy())
        g["fc_b"].append(fc.bias.detach().numpy())
    model = I.CategoryGRU(vocab[1:], *(np.stack(g[k]) for k in ("emb", "w_ih", "w_hh", "b_ih", "b_hh", "fc_w", "fc_b")),
                          max_tokens=7)
    # Lengths differ (and one text is cut at max_tokens), so the backward direction must start at each
    # text's own last token; "unknown" words map to id 1.
    texts = ["Ratify the convention.", "Continue efforts", "77.3. Ensure, ensure the convention, the efforts, always",
             "", "Zzz unknown words"]
    ids, lengths = model.encode(texts)
    assert list(lengths) == [5, 3, 7, 1, 4] and ids[4, 1] == I.GRU_UNKNOWN
    expected = np.zeros((len(texts), 5))
    with torch.no_grad():
        x, n = torch.from_numpy(ids), torch.from_numpy(lengths)
        for emb, rnn, fc in nets:
            packed = nn.utils.rnn.pack_padded_sequence(emb(x), n, batch_first=True, enforce_sorted=False)
            out, last = rnn(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, padding_value=-1e4)
            expected += torch.softmax(fc(torch.cat([last[0], last[1], out.max(1).values], 1)), 1).numpy() / seeds
    got = model.proba(texts, chunk=2)  # chunks of two: rows sorted by length must land back in place
    np.testing.assert_allclose(got, expected, atol=1e-5)


@pytest.fixture(scope="module")
def training_script():
    """scripts/intelligence_training, imported as scripts/train_intelligence.py imports it (modules as attributes)."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import train_intelligence
        import intelligence_training
    finally:
        sys.path.remove(str(REPO / "scripts"))
    settings = intelligence_training.settings
    assert train_intelligence.settings is settings  # one module: what is patched here is what the script reads
    # The suite shares the cores: two torch threads stall each other there (same code, one thread is faster).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "TORCH_THREADS", 1)  # read from `settings` when torch starts
        yield intelligence_training


def test_augmented_copies_hide_cut_or_swap_words_of_their_own_text(training_script):
    T = training_script.category
    texts = ["77.3. Continue and strengthen its efforts to combat trafficking in persons, including women (Chile);",
             "Ratify the Optional Protocol to the Convention against Torture"]
    copies = T.augment(texts, copies=6)
    assert len(copies) == 12 and copies == T.augment(texts, copies=6)  # deterministic: training is reproducible
    for k, words in enumerate(copies):
        source = I.clean_text(texts[k % 2]).split()
        assert words and len(words) <= len(source)
        assert not Counter(w for w in words if w != T.MASK) - Counter(source)  # only the text's own words
        assert T.augmented_gru_tokens(words)[0] == I.GRU_START
        if T.MASK not in words:  # the GRU reads a copy exactly as it would read the same words at run time
            assert T.augmented_gru_tokens(words) == I.gru_tokens(" ".join(words))
    assert any(T.MASK in w for w in copies) and any(len(w) < len(I.clean_text(texts[0]).split()) for w in copies[::2])


def test_distilled_gru_follows_the_teacher_as_far_as_alpha_lets_it(training_script, monkeypatch):
    _torch()
    T, settings = training_script.category, training_script.settings
    monkeypatch.setitem(settings.GRU, "seeds", [0])
    monkeypatch.setitem(settings.GRU, "epochs", 8)
    monkeypatch.setitem(settings.GRU, "min_count", 1)
    texts = ([f"Ratify the convention number {n}" for n in range(60)]
             + [f"Continue its efforts in region {n}" for n in range(60)]
             + [f"Adopt measures on issue {n}" for n in range(20)]
             + [f"Promote awareness of topic {n}" for n in range(40)])
    y = np.array([5] * 60 + [2] * 60 + [4] * 20 + [2] * 40)
    # The teacher disagrees with the labels on one wording: "Promote awareness ..." is 4 for it, 2 for the labels.
    classes = np.unique(y)
    teacher = np.where(np.arange(len(y)) >= 140, 4, y)
    log_proba = np.log(np.eye(len(classes))[np.searchsorted(classes, teacher)] * 0.97 + 0.01).astype(np.float32)
    copies = T.augment(texts, copies=1)  # one copy of each text, in text order
    distil = {"text_log_proba": log_proba, "copies": copies, "copy_log_proba": log_proba}
    probe = ["Promote awareness of topic 7", "Ratify the convention number 3", "Continue its efforts in region 9"]

    def answers(alpha, targets):
        monkeypatch.setitem(settings.DISTIL, "alpha", alpha)
        gru = I.CategoryGRU.from_arrays(T.train_gru(texts, y, targets), settings.GRU["max_tokens"])
        return list(classes[gru.proba(probe).argmax(1)])

    # On the texts the loss mixes labels and teacher by alpha; on the copies, which have no label, it is the
    # teacher's alone.
    assert answers(0.0, distil) == [4, 5, 2]
    no_copies = {**distil, "copies": [], "copy_log_proba": log_proba[:0]}
    assert answers(1.0, no_copies) == [2, 5, 2]
    assert answers(0.0, no_copies) == [4, 5, 2]


def test_teacher_fine_tunes_a_sentence_encoder_and_labels_texts_and_copies(training_script, monkeypatch, tmp_path):
    _torch()
    if IN_CI:
        import transformers  # the test extra installs it; missing must fail in CI, not skip
    else:
        transformers = pytest.importorskip("transformers", reason="the teacher needs transformers (pip install '.[test]')")
    T, settings = training_script.category, training_script.settings
    # A tiny, randomly initialised BERT stands in for all-MiniLM-L6-v2: same code path, seconds instead of minutes.
    words = ["ratify", "the", "convention", "continue", "its", "efforts", "adopt", "a", "law", "on", "number"]
    words += [str(n) for n in range(40)]
    (tmp_path / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words) + "\n")
    transformers.BertTokenizerFast(str(tmp_path / "vocab.txt")).save_pretrained(tmp_path)
    config = transformers.BertConfig(vocab_size=5 + len(words), hidden_size=32, num_hidden_layers=1,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=64)
    transformers.BertModel(config).save_pretrained(tmp_path)
    monkeypatch.setitem(settings.TEACHER, "epochs", 25)
    monkeypatch.setitem(settings.TEACHER, "peak_lr", 3e-3)
    monkeypatch.setitem(settings.TEACHER, "augment", 2)
    texts = [f"Ratify the convention number {n}" for n in range(20)] + [f"Continue its efforts {n}" for n in range(20)]
    y = np.array([5] * 20 + [2] * 20)
    targets = T.distillation_targets(texts, y, T.teacher_dir(tmp_path))
    log_proba = targets["text_log_proba"]
    assert log_proba.shape == (40, 2) and len(targets["copies"]) == 80
    assert targets["copy_log_proba"].shape == (80, 2)
    np.testing.assert_allclose(np.exp(log_proba).sum(1), 1.0, rtol=1e-5)
    assert (np.array([2, 5])[log_proba.argmax(1)] == y).mean() >= 0.9  # it learned the labels it was given


def test_logistic_correction_counts_a_feature_once_as_in_training():
    # "Convention" twice gives the instrument feature twice; training saw binary features.
    parse = I.parse("Ratify the Convention against Torture and the Convention on Disabilities")
    assert I.action_features(parse).count("ins=convention") == 2
    w = np.zeros((1, 5), np.float32)
    w[0, 4] = 1.0
    got = I.LogisticCorrection(["ins=convention"], w, np.zeros(5, np.float32)).proba([parse])[0]
    np.testing.assert_allclose(got, np.exp([0, 0, 0, 0, 1.0]) / np.exp([0, 0, 0, 0, 1.0]).sum(), rtol=1e-6)


def test_shipped_category_averages_the_gru_with_the_logistic_correction():
    model = I.load_model()
    assert model.gru is not None and 0.0 < model.gru_weight < 1.0
    teacher = model.meta["gru"]["distilled_from"]  # provenance of the GRU's training targets
    assert teacher["base"] == "sentence-transformers/all-MiniLM-L6-v2" and len(teacher["sha256"]) == 64
    texts = ["Continue and strengthen its efforts to combat trafficking in persons",
             "Ratify the Convention on the Rights of Persons with Disabilities"]
    parses = [I.parse(t) for t in texts]
    both = model.category_proba(parses, texts)
    expected = model.gru_weight * model.gru.proba(texts) + (1 - model.gru_weight) * model.logistic_proba(parses)
    np.testing.assert_allclose(both, expected, rtol=1e-6)
    np.testing.assert_allclose(both.sum(axis=1), 1.0, rtol=1e-5)
    assert [I.infer(texts)[k].action for k in range(2)] == [4, 5]


# --------------------------------------------------------------------------
# Held-out sessions of UPR Info's own labels
# --------------------------------------------------------------------------

def test_shipped_model_is_refitted_on_every_session_and_records_its_validation():
    meta = I.load_model().meta
    validation = meta["validation"]
    held_out = set(validation["val_sessions"])
    assert held_out and not held_out & set(validation["train_sessions"])
    # The shipped refit has seen the validation sessions too: nothing is held out of it any more.
    assert set(meta["train_sessions"]) == set(validation["train_sessions"]) | held_out
    assert meta["val_sessions"] == []
    # What the validation model scored on the held-out sessions. `python scripts/train_intelligence.py
    # --reproduce` rebuilds it (without the teacher, about 3.5 minutes on 2 idle cores) and checks these figures.
    assert validation["category_accuracy"] >= 0.90, validation["category_accuracy"]
    assert validation["category_accuracy"] > validation["undistilled_accuracy"] > validation["logistic_accuracy"]
    assert validation["issues_micro_f1"] >= 0.85, validation["issues_micro_f1"]
    assert 0.0 < validation["groups_micro_f1"] <= 1.0


def test_documented_figures_are_the_shipped_models():
    """docs/intelligence.md shows the validation figures the shipped artefact records, not older ones."""
    validation = I.load_model().meta["validation"]
    doc = (REPO / "docs/intelligence.md").read_text(encoding="utf-8")
    figures = doc.split("<!-- figures:start -->", 1)[1].split("<!-- figures:end -->", 1)[0]
    assert f"| rules + logistic correction alone | {validation['logistic_accuracy']:.3f} |" in figures
    assert f"(not distilled) | {validation['undistilled_accuracy']:.3f} |" in figures
    assert f"logistic averaged with the distilled GRU) | **{validation['category_accuracy']:.3f}** |" in figures
    assert f"Micro-F1 **{validation['issues_micro_f1']:.3f}**, macro-F1 {validation['issues_macro_f1']:.3f}" in figures
    assert f"micro-F1 {validation['groups_micro_f1']:.3f}." in figures
    assert f"Training sessions: {validation['train_sessions']}" in figures
    assert f"validation sessions: {validation['val_sessions']}" in figures


@pytest.fixture(scope="module")
def upr_export(training_script):
    return training_script.data.load(shared_file("upr-info", "upr-info-export-sessions01-15.csv"))


# A small real slice: 500 recommendations from each of four first-cycle sessions, so that the issue thresholds
# are still tuned on four session-grouped folds; one GRU seed for three epochs.
SLICE_TRAIN_SESSIONS, SLICE_ROWS_PER_SESSION = [9, 10, 11, 12], 500
SLICE_VAL_SESSIONS = [13, 14, 15]
SLICE_GRU = {"seeds": [0], "epochs": 3}


@pytest.fixture(scope="module")
def slice_validation(upr_export, tmp_path_factory, training_script):
    """Build a validation artefact with the training script's own functions on a small slice of the export, and
    score it on every held-out recommendation through the runtime path (`infer`).

    The full rebuild (every training session, three seeds, six epochs) is `scripts/train_intelligence.py
    --reproduce`; its figures are in docs/intelligence.md."""
    if not IN_CI:
        pytest.importorskip("sklearn", reason="training needs scikit-learn (pip install '.[test]')")
    _torch()
    T = training_script.evaluation
    df = upr_export
    train = (df[df["Session"].isin(SLICE_TRAIN_SESSIONS)].groupby("Session")
             .sample(n=SLICE_ROWS_PER_SESSION, random_state=0).reset_index(drop=True))
    val = df[df["Session"].isin(SLICE_VAL_SESSIONS)].reset_index(drop=True)
    artefact = tmp_path_factory.mktemp("validation") / "validation.npz"
    with pytest.MonkeyPatch.context() as patch:
        for key, value in SLICE_GRU.items():
            patch.setitem(training_script.settings.GRU, key, value)
        info = T.build_artefact(train, artefact, {"val_sessions": SLICE_VAL_SESSIONS})
    fig = T.evaluate(artefact, train, val, SLICE_VAL_SESSIONS, info, speed_texts=0)
    return artefact, val, fig


def test_rebuilt_artefact_on_a_slice_loads_in_the_runtime_with_what_it_was_trained_on(slice_validation):
    artefact, _, fig = slice_validation
    model = I.load_model(artefact)
    assert model.labels == I.ISSUES
    assert model.meta["train_sessions"] == SLICE_TRAIN_SESSIONS and model.meta["val_sessions"] == SLICE_VAL_SESSIONS
    assert model.gru is not None and model.meta["gru"]["seeds"] == SLICE_GRU["seeds"]
    assert 0.0 < model.gru_weight < 1.0
    assert fig["n_train"] == len(SLICE_TRAIN_SESSIONS) * SLICE_ROWS_PER_SESSION
    assert set(fig["val_sessions"]).isdisjoint(fig["train_sessions"])
    assert fig["neural"] and not fig["distilled"]


def test_slice_model_learns_categories_and_issues_from_the_labels(slice_validation):
    artefact, val, fig = slice_validation
    measure(f"intelligence, {fig['n_train']}-row training slice, held-out sessions {fig['val_sessions']} "
            f"({fig['n_val']} texts): category accuracy {fig['category_accuracy']:.3f} (first-word baseline "
            f"{fig['baseline_first_word']:.3f}, rules only {fig['rules_accuracy']:.3f}, logistic "
            f"{fig['logistic_accuracy']:.3f}), issues micro-F1 {fig['issues_micro_f1']:.3f}; the full model's figures "
            f"are in docs/intelligence.md")
    # The correction learns from UPR Info's labels what the rules miss, even from 2,000 of them (0.899 vs 0.894
    # on 6,287 held-out texts when measured); the whole pipeline beats the first-verb baseline by far.
    assert fig["logistic_accuracy"] > fig["rules_accuracy"]
    assert fig["category_accuracy"] >= fig["baseline_first_word"] + 0.03
    # The GRU alone learned the categories from the words (0.79 when measured; always answering the commonest
    # category scores 0.39).
    model = I.load_model(artefact)
    gold = val["Action"].to_numpy()
    gru_accuracy = float(np.mean(model.cat_classes[model.gru.proba(list(val["Text"])).argmax(1)] == gold))
    assert gru_accuracy >= 0.70, gru_accuracy
    assert gru_accuracy > np.bincount(gold).max() / len(gold) + 0.2
    # Issues and groups through the per-issue thresholds tuned out of fold (0.79 and 0.84 when measured).
    assert fig["issues_micro_f1"] >= 0.75, fig["issues_micro_f1"]
    assert fig["groups_micro_f1"] >= 0.80, fig["groups_micro_f1"]
    assert fig["issues_oof_micro_f1"] >= 0.70, fig["issues_oof_micro_f1"]
