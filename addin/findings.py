"""Findings are plain data: one per problem, typed, located, and worded in the user's language."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum

from .schema import Bilingual


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def label(self, lang: str = "en") -> str:
        """The severity as a reader of that language sees it (JSON keeps the value)."""
        return SEVERITY_LABELS[self]["fr" if lang == "fr" else "en"]


SEVERITY_LABELS = {Severity.ERROR: {"en": "error", "fr": "erreur"},
                   Severity.WARNING: {"en": "warning", "fr": "avertissement"},
                   Severity.INFO: {"en": "info", "fr": "info"}}


@dataclass(frozen=True)
class FindingType(Bilingual):
    type: str
    severity: Severity
    en: str
    fr: str


FINDING_TYPES = {ft.type: ft for ft in (
    FindingType("missing-field", Severity.ERROR, "Missing required field", "Champ obligatoire manquant"),
    FindingType("unknown-recommendation", Severity.ERROR, "Unknown recommendation", "Recommandation inconnue"),
    FindingType("duplicate-row", Severity.WARNING, "Duplicate row", "Ligne en double"),
    FindingType("bad-date", Severity.ERROR, "Unreadable date", "Date illisible"),
    FindingType("deadline-out-of-cycle", Severity.WARNING, "Date outside the plan", "Date hors de la période du plan"),
    FindingType("smart", Severity.WARNING, "Indicator not SMART", "Indicateur non SMART"),
    FindingType("not-specific-recommendation", Severity.INFO, "Non-specific recommendation",
                "Recommandation peu spécifique"),
    FindingType("formula-without-value", Severity.WARNING, "Formula without a saved result",
                "Formule sans résultat enregistré"),
    FindingType("error-value", Severity.ERROR, "Error value instead of a value", "Valeur d'erreur au lieu d'une valeur"),
    FindingType("stray-cell", Severity.INFO, "Text outside the table", "Texte hors du tableau"),
    FindingType("ambiguous-recommendation", Severity.ERROR, "Ambiguous recommendation ID",
                "ID de recommandation ambigu"),
    FindingType("header-mismatch", Severity.WARNING, "Header not as in the template",
                "En-tête différent du modèle"),
)}


@dataclass(frozen=True)
class Finding:
    type: str
    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    row: int | None = None
    field: str = ""
    recommendation_id: str = ""
    fix: str = ""
    # SMART findings name the failed criterion (S, M, A, R or T).
    criterion: str = ""

    @property
    def severity(self) -> Severity:
        return FINDING_TYPES[self.type].severity

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data
