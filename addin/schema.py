"""The one declaration of every sheet UPR Matrix writes or reads.

Templates, the reader, the checks, the merge and the Excel layer all derive
their columns from here, so a column added to a schema shows up everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .locale import french_spacing


SCHEMA_VERSION = "1.0"
LANGUAGES = ("en", "fr")


class Bilingual:
    """Anything named in English and French."""

    en: str
    fr: str

    def label(self, lang: str = "en") -> str:
        return self.fr if lang == "fr" else self.en

    title = label


class ColumnType(str, Enum):
    TEXT = "text"
    DATE = "date"
    YEAR = "year"
    CHOICE = "choice"
    ID = "id"
    NUMBER = "number"


class ListSource(str, Enum):
    """Named ranges that feed dropdowns; each lives on the hidden Lists sheet
    except RECOMMENDATIONS, which grows with the Recommendations sheet."""

    RECOMMENDATIONS = "RecommendationChoices"
    GROUPS = "ThematicGroups"
    RESPONSES = "Responses"
    BODIES = "GovernmentBodies"
    PRIORITIES = "Priorities"
    STATUSES = "Statuses"


@dataclass(frozen=True)
class Column(Bilingual):
    key: str
    en: str
    fr: str
    type: ColumnType = ColumnType.TEXT
    required: bool = False
    dropdown: ListSource | None = None
    # Free text is accepted beside the dropdown (e.g. a body missing from the list).
    free_text: bool = True
    # Key of the Recommendations column this one is looked up from, by formula.
    lookup: str | None = None
    width: int = 18
    help_en: str = ""
    help_fr: str = ""
    aliases: tuple[str, ...] = ()
    hidden: bool = False

    def help(self, lang: str = "en") -> str:
        return french_spacing(self.help_fr) if lang == "fr" else self.help_en

    @property
    def autofilled(self) -> bool:
        return self.lookup is not None

    @property
    def header_names(self) -> tuple[str, ...]:
        return (self.en, self.fr, self.key, *self.aliases)


@dataclass(frozen=True)
class SheetSchema(Bilingual):
    kind: str
    en: str
    fr: str
    columns: tuple[Column, ...]
    # Row of the header in a template: rows above it hold the title and a hint.
    header_row: int = 1
    checks: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=())

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    @property
    def inputs(self) -> tuple[Column, ...]:
        """Columns a participant types into (not formulas, not hidden keys)."""
        return tuple(c for c in self.columns if not c.autofilled and not c.hidden)

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.kind} has no column {key!r}")

    def index(self, key: str) -> int:
        """1-based column number in a template."""
        return self.keys.index(key) + 1

    def letter(self, key: str) -> str:
        from openpyxl.utils import get_column_letter  # openpyxl (and numpy under it) only when asked

        return get_column_letter(self.index(key))


# --- Recommendations list -------------------------------------------------

RECOMMENDATIONS = SheetSchema(
    kind="recommendations",
    en="Recommendations",
    fr="Recommandations",
    columns=(
        Column("id", "ID", "ID", ColumnType.ID, required=True, width=10,
               help_en="Paragraph number in the UN report, or a stable ID derived from the source.",
               help_fr="Numéro de paragraphe du rapport de l'ONU, ou identifiant stable dérivé de la source.",
               aliases=("Identifiant", "Paragraph", "Paragraphe", "No", "N°", "Number", "Numéro",
                        "Rec ID", "Recommendation ID")),
        Column("text", "Recommendation", "Recommandation", required=True, width=60,
               aliases=("Text", "Texte", "Recommendation text", "Texte de la recommandation")),
        Column("recommending_states", "Recommending State(s)", "État(s) recommandant(s)", width=20,
               aliases=("From", "Recommending State", "Recommending States", "Source State",
                        "UPR Reccomending States", "UPR Recommending States", "État recommandant",
                        "Etat recommandant", "Pays recommandant")),
        Column("response", "Response", "Réponse", ColumnType.CHOICE, dropdown=ListSource.RESPONSES,
               width=12, aliases=("Position", "UPR Position", "Decision", "Décision", "Status",
                                  "Statut", "Response of the State")),
        Column("issues", "Issues", "Thèmes", width=24,
               aliases=("Issue", "Themes", "Theme", "Thème", "Thématiques", "Sujets")),
        Column("action_category", "Action category", "Catégorie d'action", ColumnType.NUMBER,
               width=10, aliases=("Action", "Category", "Catégorie")),
        Column("groups", "Thematic group(s)", "Groupe(s) thématique(s)", width=24,
               aliases=("Thematic group", "Group", "Groups", "Groupe", "Groupes", "Groupe thématique")),
        Column("state", "State under Review", "État examiné", width=14,
               aliases=("To", "SuR", "State", "Country", "Countries Concerned", "Pays", "État",
                        "Pays examiné", "Etat examiné")),
        Column("session", "Session", "Session", ColumnType.NUMBER, width=8,
               aliases=("UPR Session", "Session EPU")),
        Column("cycle", "Cycle", "Cycle", ColumnType.NUMBER, width=7, aliases=("UPR Cycle",)),
        Column("source", "Source", "Source", width=18, aliases=("Document Symbol", "Document")),
        # Beyond the columns the brief fixes: how the labels were obtained.
        Column("cross_cutting", "Cross-cutting", "Transversale", width=10),
        Column("labels", "Labels", "Étiquettes", width=12,
               help_en="'source' when issues and category come from the source, 'inferred' when UPR Matrix inferred them.",
               help_fr="« source » si thèmes et catégorie viennent de la source, « inférées » si UPR Matrix les a déduites."),
        Column("label_note", "Label note", "Note sur les étiquettes", width=30),
    ),
)

# --- Matrices -------------------------------------------------------------

# Columns every matrix shares: the chosen recommendation and what is looked up from it.
_RECOMMENDATION_COLUMNS = (
    Column("recommendation_id", "Recommendation ID", "ID de la recommandation", ColumnType.ID,
           required=True, dropdown=ListSource.RECOMMENDATIONS, free_text=False, width=16,
           help_en="Choose or type the recommendation's ID; its text, States and response then fill the grey "
                   "columns. The Recommendations sheet lists every ID beside its text.",
           help_fr="Choisissez ou saisissez l'ID de la recommandation ; son texte, les États et la réponse "
                   "remplissent alors les colonnes grises. La feuille Recommandations donne chaque ID avec son texte.",
           aliases=("ID", "Rec ID", "Recommendation", "N°", "No", "Paragraph", "Identifiant")),
    Column("recommendation", "Recommendation text", "Texte de la recommandation", lookup="text",
           width=45, aliases=("Text", "Texte", "Recommandation")),
    Column("recommending_states", "Recommending State(s)", "État(s) recommandant(s)",
           lookup="recommending_states", width=16, aliases=("From", "Recommending State")),
    Column("response", "Response", "Réponse", lookup="response", width=11, aliases=("Position",)),
)

_NOTES = Column("notes", "Notes", "Notes", width=30, aliases=("Comments", "Commentaires", "Remarques"),
                help_en="Anything else: missing information, who to ask, links to other groups.",
                help_fr="Tout le reste : informations manquantes, qui consulter, liens avec d'autres groupes.")
_ROW_KEY = Column("row_key", "Row key", "Clé de ligne", hidden=True, width=12,
                  help_en="Hidden. Lets the merge recognise this row when it comes back.",
                  help_fr="Masquée. Permet à la fusion de reconnaître cette ligne.")

IMPLEMENTATION_PLAN = SheetSchema(
    kind="implementation_plan",
    en="Implementation plan",
    fr="Plan de mise en œuvre",
    header_row=3,
    checks=("missing-field", "unknown-recommendation", "duplicate-row", "bad-date",
            "deadline-out-of-cycle", "smart", "not-specific-recommendation", "formula-without-value",
            "error-value"),
    aliases=("Plan de mise en oeuvre", "Implementation matrix"),
    columns=(
        *_RECOMMENDATION_COLUMNS,
        Column("thematic_group", "Thematic group", "Groupe thématique", ColumnType.CHOICE,
               dropdown=ListSource.GROUPS, width=16, aliases=("Group", "Groupe"),
               help_en="Optional. Your own group is already known from this workbook: name another group that "
                       "should act on this row too (a cross-cutting recommendation). In the blank template "
                       "shared by all groups, the group that wrote the row.",
               help_fr="Facultatif. Votre groupe est déjà connu par ce classeur : indiquez un autre groupe qui "
                       "doit aussi agir sur cette ligne (recommandation transversale). Dans le modèle vierge "
                       "commun à tous les groupes, le groupe qui a rempli la ligne."),
        Column("goal", "Goal", "Objectif", required=True, width=28,
               help_en="The change the recommendation should bring about, in one sentence.",
               help_fr="Le changement que la recommandation doit produire, en une phrase.",
               aliases=("Objective", "Goal / objective")),
        Column("government_action", "Action expected of Government", "Action attendue du Gouvernement",
               required=True, width=30,
               help_en="What the Government must do to implement the recommendation.",
               help_fr="Ce que le Gouvernement doit faire pour mettre en œuvre la recommandation.",
               aliases=("Government action", "Action of Government", "Action du Gouvernement",
                        "Action attendue de l'État", "Expected action")),
        Column("indicator", "Indicator", "Indicateur", required=True, width=30,
               help_en="A SMART indicator: what to count or check, so anyone can tell whether it was done.",
               help_fr="Un indicateur SMART : ce qu'il faut compter ou vérifier pour savoir si c'est fait.",
               aliases=("Indicators", "Indicateurs", "SMART indicator", "Indicateur SMART")),
        Column("baseline", "Baseline", "Situation de référence", width=16,
               help_en="The value today, with its year and source.",
               help_fr="La valeur actuelle, avec son année et sa source.",
               aliases=("Base line", "Référence", "Valeur de référence", "Point de départ")),
        Column("target", "Target", "Cible", width=16,
               help_en="The value or end state to reach by the deadline.",
               help_fr="La valeur ou l'état final à atteindre à l'échéance.",
               aliases=("Target value", "Valeur cible", "Objectif chiffré")),
        Column("deadline", "Deadline", "Échéance", ColumnType.DATE, required=True, width=12,
               help_en="A year, month or date within the plan (e.g. 2018, Dec 2017, 31/12/2018).",
               help_fr="Une année, un mois ou une date dans la période du plan (ex. 2018, déc. 2017, 31/12/2018).",
               aliases=("Date", "Timeline", "Délai", "Echéance", "Echeance", "Date limite")),
        Column("responsible_body", "Responsible Government body", "Organe gouvernemental responsable",
               ColumnType.CHOICE, required=True, dropdown=ListSource.BODIES, width=24,
               help_en="The ministry or institution in charge; choose or type a name.",
               help_fr="Le ministère ou l'institution responsable ; choisissez ou saisissez un nom.",
               aliases=("Responsible body", "Responsible institution", "Government body",
                        "Institution responsable", "Organe responsable", "Responsible")),
        _NOTES,
        _ROW_KEY,
    ),
)

ACTION_STRATEGY = SheetSchema(
    kind="action_strategy",
    en="Action strategy",
    fr="Stratégie d'action",
    header_row=3,
    checks=("missing-field", "unknown-recommendation", "duplicate-row", "bad-date",
            "deadline-out-of-cycle", "not-specific-recommendation", "formula-without-value",
            "error-value"),
    aliases=("Strategie d'action", "Action plan", "CSO action strategy"),
    columns=(
        *_RECOMMENDATION_COLUMNS,
        Column("priority", "Priority", "Priorité", ColumnType.CHOICE, dropdown=ListSource.PRIORITIES,
               width=10, aliases=("Prioritised", "Priorite"),
               help_en="High, Medium or Low: how much the group will put into this recommendation.",
               help_fr="Haute, Moyenne ou Basse : l'effort que le groupe consacrera à cette recommandation."),
        Column("cso_activity", "CSO activity", "Activité des OSC", required=True, width=30,
               help_en="What civil society will do: advocacy, monitoring, awareness, litigation...",
               help_fr="Ce que la société civile fera : plaidoyer, suivi, sensibilisation, contentieux...",
               aliases=("Activity", "Activities", "CSO activities", "Activité", "Activités",
                        "Activités des OSC")),
        Column("resources", "Resources needed", "Ressources nécessaires", required=True, width=22,
               help_en="Money, people, time or material the activity needs, with an amount where you can.",
               help_fr="L'argent, les personnes, le temps ou le matériel nécessaires, avec un montant si possible.",
               aliases=("Resources", "Ressources", "Budget")),
        Column("partners", "Potential partners", "Partenaires potentiels", required=True, width=22,
               help_en="Organisations, institutions or donors to work with, by name.",
               help_fr="Les organisations, institutions ou bailleurs avec qui travailler, nommément.",
               aliases=("Partners", "Partenaires")),
        Column("start", "Start", "Début", ColumnType.DATE, required=True, width=11,
               help_en="Timeframe: when the activity starts.",
               help_fr="Calendrier : quand l'activité commence.",
               aliases=("Start date", "From", "Date de début", "Debut")),
        Column("end", "End", "Fin", ColumnType.DATE, required=True, width=11,
               help_en="Timeframe: when the activity ends.",
               help_fr="Calendrier : quand l'activité se termine.",
               aliases=("End date", "To", "Date de fin", "Timeframe", "Calendrier")),
        Column("risks", "Potential risks", "Risques potentiels", required=True, width=22,
               help_en="What could stop or delay the activity.",
               help_fr="Ce qui pourrait empêcher ou retarder l'activité.",
               aliases=("Risks", "Risques")),
        Column("mitigation", "Risk mitigation", "Atténuation des risques", required=True, width=22,
               help_en="What the group will do to prevent each risk or limit its effect.",
               help_fr="Ce que le groupe fera pour prévenir chaque risque ou en limiter l'effet.",
               aliases=("Mitigation", "Mitigation measures", "Atténuation", "Mesures d'atténuation")),
        Column("lead_organisation", "Lead organisation", "Organisation chef de file", width=18,
               help_en="The member organisation that leads the activity and reports on it.",
               help_fr="L'organisation membre qui conduit l'activité et en rend compte.",
               aliases=("Lead", "Lead organization", "Chef de file", "Organisation responsable")),
        _NOTES,
        _ROW_KEY,
    ),
)

MATRICES = (IMPLEMENTATION_PLAN, ACTION_STRATEGY)


# --- Group worksheet ------------------------------------------------------

@dataclass(frozen=True)
class Field(Bilingual):
    """One labelled field of the group worksheet form (label in column A, value in B)."""

    key: str
    en: str
    fr: str
    type: ColumnType = ColumnType.TEXT
    required: bool = False
    # Earlier labels, still recognised in workbooks made by older versions.
    aliases: tuple[str, ...] = ()

    @property
    def header_names(self) -> tuple[str, ...]:
        return (self.en, self.fr, self.key, *self.aliases)


@dataclass(frozen=True)
class FormSchema(Bilingual):
    kind: str
    en: str
    fr: str
    fields: tuple[Field, ...]
    # The "not addressed" table under the form is computed by formula.
    not_addressed_en: str = "Recommendations of the group not addressed in the action strategy"
    not_addressed_fr: str = "Recommandations du groupe non traitées dans la stratégie d'action"

    def row_of(self, key: str) -> int:
        """Sheet row of a field: row 1 is the title, fields start on row 3."""
        return 3 + [f.key for f in self.fields].index(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


GROUP_WORKSHEET = FormSchema(
    kind="group_worksheet",
    en="Group worksheet",
    fr="Fiche du groupe",
    fields=(
        Field("group_name", "Group", "Groupe", required=True),
        Field("coordinator_name", "Coordinator", "Coordinateur ou coordinatrice", required=True,
              aliases=("Coordinateur·rice",)),
        Field("coordinator_organisation", "Coordinator's organisation", "Organisation de la coordination",
              aliases=("Organisation du coordinateur",)),
        Field("coordinator_contact", "Coordinator's contact (e-mail, phone)", "Contact de la coordination (courriel, téléphone)",
              aliases=("Contact du coordinateur (courriel, téléphone)",)),
        Field("rapporteur", "Rapporteur", "Rapporteur ou rapporteuse", aliases=("Rapporteur·rice",)),
        Field("member_organisations", "Member organisations", "Organisations membres"),
        Field("next_meeting", "Next meeting", "Prochaine réunion", ColumnType.DATE),
    ),
)

SHEETS = (RECOMMENDATIONS, IMPLEMENTATION_PLAN, ACTION_STRATEGY)


def field_label(key: str, lang: str = "en") -> str:
    """The label of a column or form field named by its key, as its sheet shows it; the key if unknown."""
    for column in (*IMPLEMENTATION_PLAN.columns, *ACTION_STRATEGY.columns, *RECOMMENDATIONS.columns,
                   *GROUP_WORKSHEET.fields):
        if column.key == key:
            return column.label(lang)
    return key


def matrix(kind: str) -> SheetSchema:
    for sheet in MATRICES:
        if sheet.kind == kind:
            return sheet
    raise KeyError(f"no matrix of kind {kind!r}")


# Response values as stored; the French label is shown in French workbooks.
RESPONSES = {
    "Accepted": "Acceptée",
    "Noted": "Notée",
    "Pending": "En attente",
    "Voluntary Pledge": "Engagement volontaire",
}

PRIORITIES = {"High": "Haute", "Medium": "Moyenne", "Low": "Basse"}

# Coordinator's follow-up statuses in the master.
STATUSES = {
    "Not started": "Non commencé",
    "In progress": "En cours",
    "Partially implemented": "Partiellement mis en œuvre",
    "Implemented": "Mis en œuvre",
    "Not implemented": "Non mis en œuvre",
}

# A generic starting list; facilitators edit it on the Lists sheet for their country.
GOVERNMENT_BODIES = {
    "en": (
        "Office of the President", "Office of the Prime Minister", "Parliament",
        "Ministry of Justice", "Ministry of Foreign Affairs", "Ministry of Interior",
        "Ministry of Finance", "Ministry of Health", "Ministry of Education",
        "Ministry of Gender", "Ministry of Labour", "Ministry of Social Affairs",
        "Ministry of Local Government", "Police", "Judiciary", "Prisons Service",
        "Office of the Attorney General", "National Human Rights Institution",
        "National Statistics Office", "Electoral Commission",
    ),
    "fr": (
        "Présidence de la République", "Primature", "Parlement", "Ministère de la Justice",
        "Ministère des Affaires étrangères", "Ministère de l'Intérieur", "Ministère des Finances",
        "Ministère de la Santé", "Ministère de l'Éducation", "Ministère du Genre",
        "Ministère du Travail", "Ministère des Affaires sociales",
        "Ministère de l'Administration territoriale", "Police", "Pouvoir judiciaire",
        "Administration pénitentiaire", "Parquet général", "Institution nationale des droits de l'homme",
        "Institut national de la statistique", "Commission électorale",
    ),
}
