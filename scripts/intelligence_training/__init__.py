"""The training behind scripts/train_intelligence.py, one module per step, each depending only on those before
it: ``settings`` (paths, hyper-parameters), ``data`` (the export, labels, blobs), ``category`` (logistic
correction, teacher, distilled GRU), ``issues`` (TF-IDF one-vs-rest, thresholds), ``figures`` (tables, the
docs block) and ``evaluation`` (build, score and reproduce the artefact). Patch settings in ``settings``.
"""
import sys

from .settings import REPO

sys.path.insert(0, str(REPO))  # the modules import addin from this checkout, however the package is reached
