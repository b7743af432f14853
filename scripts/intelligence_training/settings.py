"""Paths and hyper-parameters of the training: data and doc paths, the category and issue settings, the GRU,
teacher and distillation dictionaries, the pinned teacher weights and the default issue groups. TORCH_THREADS is
rebound at run time (--threads, the tests), so the other modules read it as ``settings.TORCH_THREADS``; the
dictionaries are patched item by item, so importing them by name is safe.
"""
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
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
