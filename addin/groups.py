"""Thematic groups of a UPR workshop and the mapping from issues to groups.

The default mapping ships with the package (README, "Thematic groups") and a
coalition can replace it with a two-column csv/xlsx: issue or theme -> group.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .schema import Bilingual


@dataclass(frozen=True)
class Group(Bilingual):
    key: str
    en: str
    fr: str


DEFAULT_GROUPS = (
    Group("women", "Women and gender", "Femmes et genre"),
    Group("justice", "Justice", "Justice"),
    Group("cpr", "Civil and political rights", "Droits civils et politiques"),
    Group("escr", "Economic, social and cultural rights", "Droits économiques, sociaux et culturels"),
    Group("children", "Rights of the child", "Droits de l'enfant"),
    Group("vulnerable", "Other vulnerable groups", "Autres groupes vulnérables"),
)

# UPR Info issue -> group key. Issues absent here (General, International
# instruments, Treaty bodies...) do not decide a group on their own.
DEFAULT_ISSUE_MAP = {
    "Women's rights": "women",
    "Sexual Orientation and Gender Identity": "women",
    "Trafficking": "women",
    "Justice": "justice",
    "Impunity": "justice",
    "Detention": "justice",
    "Torture and other CID treatment": "justice",
    "Death penalty": "justice",
    "Extrajudicial executions": "justice",
    "Enforced disappearances": "justice",
    "Human rights violations by state agents": "justice",
    "Public security": "justice",
    "Counter-terrorism": "justice",
    "Corruption": "justice",
    "International humanitarian law": "justice",
    "CP rights - general": "cpr",
    "Freedom of opinion and expression": "cpr",
    "Freedom of the press": "cpr",
    "Freedom of association and peaceful assembly": "cpr",
    "Freedom of religion and belief": "cpr",
    "Freedom of movement": "cpr",
    "Elections": "cpr",
    "Human rights defenders": "cpr",
    "Civil society": "cpr",
    "ESC rights - general": "escr",
    "Right to education": "escr",
    "Right to health": "escr",
    "Right to food": "escr",
    "Right to housing": "escr",
    "Right to land": "escr",
    "Right to water and sanitation": "escr",
    "Right to water": "escr",
    "Labour": "escr",
    "Poverty": "escr",
    "Development": "escr",
    "Environment": "escr",
    "HIV - Aids": "escr",
    "Rights of the Child": "children",
    "Disabilities": "vulnerable",
    "Minorities": "vulnerable",
    "Indigenous peoples": "vulnerable",
    "Migrants": "vulnerable",
    "Asylum-seekers - refugees": "vulnerable",
    "Internally displaced persons": "vulnerable",
    "Racial discrimination": "vulnerable",
    # OHCHR UHRI themes that differ from UPR Info's issue names.
    "Women's rights and gender equality": "women",
    "Gender equality": "women",
    "Violence against women": "women",
    "Administration of justice": "justice",
    "Administration of justice & fair trial": "justice",
    "Torture and other cruel, inhuman and/or degrading treatment": "justice",
    "Children": "children",
    "Children: rights": "children",
    "Rights of the child": "children",
    "Persons with disabilities": "vulnerable",
    "Refugees & asylum seekers": "vulnerable",
    "Migrants": "vulnerable",
    "Right to education": "escr",
    "Right to health": "escr",
    "Freedom of opinion and expression": "cpr",
    "Human rights defenders": "cpr",
}


def normalise(text: str) -> str:
    """Case-, accent- and punctuation-blind form for matching names."""
    text = str(text)
    if not text.isascii():   # ASCII has no accents to strip: most cells skip the per-character pass
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("’", "'")
    text = text.lower()
    return re.sub(r"[^a-z0-9']+", " ", text).strip()


@dataclass(frozen=True)
class GroupMapping:
    groups: tuple[Group, ...]
    issue_to_group: dict[str, str]  # normalised issue -> group key

    @classmethod
    def default(cls) -> "GroupMapping":
        return cls(DEFAULT_GROUPS, {normalise(k): v for k, v in DEFAULT_ISSUE_MAP.items()})

    def group(self, key: str) -> Group:
        for g in self.groups:
            if g.key == key:
                return g
        raise KeyError(key)

    def find(self, name: str) -> Group | None:
        """A group by key or by its English or French name."""
        wanted = normalise(name)
        for g in self.groups:
            if wanted in (normalise(g.key), normalise(g.en), normalise(g.fr)):
                return g
        return None

    def groups_for(self, issues: list[str] | tuple[str, ...]) -> list[Group]:
        keys: list[str] = []
        for issue in issues:
            key = self.issue_to_group.get(normalise(issue))
            if key and key not in keys:
                keys.append(key)
        order = [g.key for g in self.groups]
        return [self.group(k) for k in sorted(keys, key=order.index)]

    @classmethod
    def from_file(cls, path: Path) -> "GroupMapping":
        """Two columns, issue or theme -> group name; groups appear in file order."""
        from .tables import read_table  # local: tables imports heavy readers

        table = read_table(path)
        if len(table.columns) < 2:
            raise InputError(path, "errors.groups.two_columns")
        groups: list[Group] = []
        mapping: dict[str, str] = {}
        for row in table.rows:
            issue, group_name = (str(v or "").strip() for v in row[:2])
            if not issue or not group_name:
                continue
            known = next((g for g in DEFAULT_GROUPS if normalise(group_name) in
                          (normalise(g.en), normalise(g.fr))), None)
            group = known or Group(slug(group_name), group_name, group_name)
            if group.key not in [g.key for g in groups]:
                groups.append(group)
            mapping[normalise(issue)] = group.key
        if not mapping:
            raise InputError(path, "errors.groups.no_rows")
        return cls(tuple(groups), mapping)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "group"


@functools.lru_cache(maxsize=1)
def _default_mapping() -> GroupMapping:
    # Building it normalises every issue name: once per process, not once per recommendation
    # (classifying 10,000 texts spent more time here than in the models).
    return GroupMapping.default()


def groups_for_issues(issues: list[str] | tuple[str, ...]) -> list[str]:
    """English group names for UPR Info issues, with the default mapping."""
    return [g.en for g in _default_mapping().groups_for(issues)]
