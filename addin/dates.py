"""Reading deadlines and dates written by hand in implementation plans (English and French).

`parse_when` reads one cell; `find_when_in_text` finds the deadline inside free text such as an
indicator, skipping years that only date a baseline value ("from 55% in 2015 to 35%").
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from . import cached_re as re  # re's functions, the compiled patterns kept between runs

__all__ = ["When", "parse_when", "find_when_in_text", "years_in_text"]

FIRST_YEAR, LAST_YEAR = 1900, 2100
TEXT_FIRST_YEAR = 1990
EXCEL_SERIAL_RANGE = (20000, 80000)  # 1954..2119: plausible serial day numbers only
EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (it counts the phantom 1900-02-29)
FISCAL_YEAR_START_MONTH = 7  # "2018/19": July to June, as in most UPR countries that use it


@dataclass(frozen=True)
class When:
    """The period a date expression designates, from its first to its last day."""

    start: dt.date
    end: dt.date
    text: str


def _fold(text: str) -> str:
    """Lower-case and drop accents, one character for one, so match positions stay valid."""
    folded = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1] or char
        folded.append(base)
    result = "".join(folded).lower()
    return result.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").replace("\u202f", " ")


_MONTH_NAMES = {
    1: ("january", "janvier", "janv", "jan"),
    2: ("february", "fevrier", "febr", "fevr", "feb", "fev"),
    3: ("march", "mars", "mar"),
    4: ("april", "avril", "apr", "avr"),
    5: ("may", "mai"),
    6: ("june", "juin", "jun"),
    7: ("july", "juillet", "juil", "jul"),
    8: ("august", "aout", "aug"),
    9: ("september", "septembre", "sept", "sep"),
    10: ("october", "octobre", "oct"),
    11: ("november", "novembre", "nov"),
    12: ("december", "decembre", "dec"),
}
_MONTH_BY_NAME = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTH_BY_NAME, key=len, reverse=True)) + r")\b\.?"
_YEAR = r"(?<![\d.,])(?P<year>(?:19|20)\d\d|2100)(?![\d]|[.,]\d)"
_ORDINALS = {
    "1": 1, "1st": 1, "1er": 1, "1re": 1, "first": 1, "premier": 1, "premiere": 1,
    "2": 2, "2nd": 2, "2e": 2, "2eme": 2, "second": 2, "seconde": 2, "deuxieme": 2,
    "3": 3, "3rd": 3, "3e": 3, "3eme": 3, "third": 3, "troisieme": 3,
    "4": 4, "4th": 4, "4e": 4, "4eme": 4, "fourth": 4, "quatrieme": 4, "last": 4, "dernier": 4,
}
_ORDINAL = "(?P<ordinal>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + ")"

def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, monthrange(year, month)[1])


def _months_span(year: int, first_month: int, last_month: int) -> tuple[dt.date, dt.date]:
    return _month_span(year, first_month)[0], _month_span(year, last_month)[1]


def _day(year: int, month: int, day: int) -> tuple[dt.date, dt.date] | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date


def _full_year(two_or_four_digits: str) -> int:
    value = int(two_or_four_digits)
    return value + 2000 if len(two_or_four_digits) == 2 else value


def _day_month(first: int, second: int) -> tuple[int, int]:
    """Day-first unless the first number cannot be a day's month partner (a/b with b > 12)."""
    if second > 12 and first <= 12:
        return second, first
    return first, second


# Each pattern designates one period; builders return None when the numbers make no date.
Builder = Callable[[re.Match], "tuple[dt.date, dt.date] | None"]


def _build_iso(m: re.Match) -> tuple[dt.date, dt.date] | None:
    return _day(int(m["year"]), int(m["m"]), int(m["d"]))


def _build_numeric_dmy(m: re.Match) -> tuple[dt.date, dt.date] | None:
    day, month = _day_month(int(m["a"]), int(m["b"]))
    return _day(_full_year(m["y"]), month, day)


def _build_day_month_name(m: re.Match) -> tuple[dt.date, dt.date] | None:
    return _day(int(m["year"]), _MONTH_BY_NAME[m["month"]], int(m["d"]))


def _build_month_name(m: re.Match) -> tuple[dt.date, dt.date] | None:
    year = int(m["year"]) if m["year"] else _full_year(m.groupdict()["yy"])
    return _month_span(year, _MONTH_BY_NAME[m["month"]])


def _build_numeric_month(m: re.Match) -> tuple[dt.date, dt.date] | None:
    month = int(m["m"])
    return _month_span(int(m["year"]), month) if 1 <= month <= 12 else None


def _build_year_pair(m: re.Match) -> tuple[dt.date, dt.date] | None:
    """'2018/19' is a fiscal year, '2016-2020' a range, '2018-06' a month."""
    first, second_text, separator = int(m["year"]), m["second"], m["sep"]
    if len(second_text) == 2:
        second = int(second_text)
        if second == (first + 1) % 100:
            return _fiscal_year(first)
        if separator in "-/" and 1 <= second <= 12:
            return _month_span(first, second)
        return None
    second = int(second_text)
    if second == first + 1 and separator == "/":
        return _fiscal_year(first)
    if first < second <= LAST_YEAR:
        return _year_span(first)[0], _year_span(second)[1]
    return None


def _fiscal_year(first: int) -> tuple[dt.date, dt.date]:
    end_year = first + 1
    end_month = FISCAL_YEAR_START_MONTH - 1
    return dt.date(first, FISCAL_YEAR_START_MONTH, 1), _month_span(end_year, end_month)[1]


def _build_year_range(m: re.Match) -> tuple[dt.date, dt.date] | None:
    first, last = int(m["year"]), int(m["last"])
    return (_year_span(first)[0], _year_span(last)[1]) if first < last else None


def _build_quarter(m: re.Match) -> tuple[dt.date, dt.date] | None:
    quarter = int(m["q"])
    return _months_span(int(m["year"]), 3 * quarter - 2, 3 * quarter)


def _build_half(m: re.Match) -> tuple[dt.date, dt.date] | None:
    half = int(m["h"])
    return _months_span(int(m["year"]), 6 * half - 5, 6 * half)


def _build_mid_year(m: re.Match) -> tuple[dt.date, dt.date] | None:
    return _month_span(int(m["year"]), 6)


def _build_early_year(m: re.Match) -> tuple[dt.date, dt.date] | None:
    return _months_span(int(m["year"]), 1, 3)


def _build_end_of_year(m: re.Match) -> tuple[dt.date, dt.date] | None:
    return _month_span(int(m["year"]), 12)


def _build_late_year(m: re.Match) -> tuple[dt.date, dt.date] | None:
    return _months_span(int(m["year"]), 10, 12)


def _build_year(m: re.Match) -> tuple[dt.date, dt.date] | None:
    return _year_span(int(m["year"]))


_SEP = r"\s*[/.\-]\s*"
_OF = r"(?:\s*,\s*|\s*-\s*|\s*/\s*|\s+of\s+|\s+de\s+|\s+d'|\s+)"
_PATTERNS: list[tuple[str, str, Builder, bool]] = [
    # (name, regex, builder, needs whole-cell context because it is too loose for free text)
    ("iso", r"(?<!\d)(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)", _build_iso, False),
    ("ymd", r"(?<!\d)(?P<year>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)", _build_iso, False),
    ("dmy", rf"(?<![\d.])(?P<a>\d{{1,2}}){_SEP}(?P<b>\d{{1,2}}){_SEP}(?P<y>\d{{4}})(?![\d])",
     _build_numeric_dmy, False),
    ("dmy_short", rf"(?<![\d.])(?P<a>\d{{1,2}}){_SEP}(?P<b>\d{{1,2}}){_SEP}(?P<y>\d{{2}})(?![\d])",
     _build_numeric_dmy, True),
    ("day_month_name", rf"(?<!\d)(?P<d>\d{{1,2}})(?:er|re|st|nd|rd|th|e)?\s+(?:of\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}",
     _build_day_month_name, False),
    ("month_name_day", rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", _build_day_month_name, False),
    ("month_name", rf"\b{_MONTH}{_OF}{_YEAR}", _build_month_name, False),
    ("month_name_short", rf"\b{_MONTH}\s*[-/' ]\s*(?P<yy>\d{{2}})(?P<year>)(?!\d)", _build_month_name, True),
    ("numeric_month", rf"(?<![\d/.])(?P<m>\d{{1,2}}){_SEP}{_YEAR}", _build_numeric_month, False),
    ("year_pair", rf"(?:\bfy\s*)?{_YEAR}\s*(?P<sep>[/\-\u2013])\s*(?P<second>\d{{4}}|\d{{2}})(?![\d])",
     _build_year_pair, False),
    ("year_range", rf"(?:\b(?:from|de|du)\s+)?{_YEAR}\s+(?:to|until|till|through|a|au|jusqu'a|jusqu'en)\s+"
                   r"(?P<last>(?:19|20)\d\d)(?!\d)", _build_year_range, False),
    ("year_between", rf"\b(?:between|entre)\s+{_YEAR}\s+(?:and|et)\s+(?P<last>(?:19|20)\d\d)(?!\d)",
     _build_year_range, False),
    ("quarter", rf"\b(?:q(?P<q>[1-4])\s*[-/]?\s*{_YEAR}|t(?P<tq>[1-4])\s+(?P<tyear>\d{{4}}))", None, False),
    ("year_quarter", rf"{_YEAR}\s*[-/]?\s*q(?P<q>[1-4])\b", _build_quarter, False),
    ("quarter_words", rf"\b{_ORDINAL}\s+(?:quarter|trimestre)\s+(?:of\s+|de\s+|d')?(?:l'annee\s+)?{_YEAR}",
     lambda m: _build_quarter_words(m), False),
    ("half", rf"\b(?:h|s)(?P<h>[12])\s*[-/]?\s*{_YEAR}", _build_half, False),
    ("half_words", rf"\b{_ORDINAL}\s+(?:half|semestre)\s+(?:of\s+|de\s+|d')?{_YEAR}",
     lambda m: _build_half_words(m), False),
    ("mid", rf"\b(?:mid|middle\s+of|mi|milieu(?:\s+de)?|le\s+milieu\s+de)\s*-?\s*(?:the\s+year\s+)?{_YEAR}",
     _build_mid_year, False),
    ("early", rf"\b(?:early|beginning\s+of|start\s+of|debut(?:\s+de|\s+d')?)\s*-?\s*{_YEAR}",
     _build_early_year, False),
    ("end", rf"\b(?:(?:the\s+)?end(?:\s+of)?|(?:la\s+)?fin(?:\s+de|\s+d')?)\s*-?\s*{_YEAR}",
     _build_end_of_year, False),
    ("late", rf"\blate\s*-?\s*{_YEAR}", _build_late_year, False),
    ("year", _YEAR, _build_year, False),
]


def _build_quarter_any(m: re.Match) -> tuple[dt.date, dt.date] | None:
    if m["q"]:
        return _months_span(int(m["year"]), 3 * int(m["q"]) - 2, 3 * int(m["q"]))
    quarter, year = int(m["tq"]), int(m["tyear"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return _months_span(year, 3 * quarter - 2, 3 * quarter)


def _build_quarter_words(m: re.Match) -> tuple[dt.date, dt.date] | None:
    quarter = _ORDINALS[m["ordinal"]]
    return _months_span(int(m["year"]), 3 * quarter - 2, 3 * quarter)


def _build_half_words(m: re.Match) -> tuple[dt.date, dt.date] | None:
    half = _ORDINALS[m["ordinal"]]
    return _months_span(int(m["year"]), 6 * half - 5, 6 * half) if half in (1, 2) else None


_COMPILED = [
    (name, re.compile(regex), builder if builder else _build_quarter_any, whole_cell_only)
    for name, regex, builder, whole_cell_only in _PATTERNS
]


@dataclass(frozen=True)
class _Found:
    start_pos: int
    end_pos: int
    span: tuple[dt.date, dt.date]


def _find_all(folded: str, whole_cell: bool) -> list[_Found]:
    """Every date expression, longest first where two overlap."""
    candidates: list[tuple[int, int, int, tuple[dt.date, dt.date]]] = []
    for priority, (_name, regex, builder, whole_cell_only) in enumerate(_COMPILED):
        if whole_cell_only and not whole_cell:
            continue
        for match in regex.finditer(folded):
            try:
                span = builder(match)
            except (ValueError, KeyError, TypeError):
                span = None
            if span and FIRST_YEAR <= span[1].year <= LAST_YEAR:
                candidates.append((match.start(), match.end(), priority, span))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[_Found] = []
    for start, end, _priority, span in candidates:
        if all(end <= f.start_pos or start >= f.end_pos for f in chosen):
            chosen.append(_Found(start, end, span))
    return sorted(chosen, key=lambda f: f.start_pos)


# A year that only dates a value ("12 (2015)", "from 55% in 2015 to 35%", "2015 levels") is a baseline.
_VALUE = r"\d[\d\s.,]*\s*%?"
_BASELINE_BEFORE = [
    re.compile(rf"{_VALUE}[^()\d]{{0,25}}\(\s*(?:in\s+|en\s+|as\s+of\s+|au\s+)?$"),
    re.compile(r"\(\s*(?:baseline|base|reference|ref\.?|source)\b[^()]*$"),
    re.compile(rf"(?:\bfrom|\bde|\bd'|\bpassant\s+de|\bpasse\s+de)\s*{_VALUE}\s*(?:[a-z]+\s+){{0,2}}"
               r"(?:in|en|as\s+of|au)\s+$"),
    re.compile(r"\b(?:baseline|base\s+line|base|reference|annee\s+de\s+reference|compared\s+(?:to|with)|relative\s+to"
               r"|par\s+rapport\s+a|since|depuis|as\s+of|en\s+date\s+du|levels?\s+of|niveaux?\s+de)"
               r"\s*(?:year\s*)?[:=]?\s*$"),
    re.compile(r"\b(?:dhs|mics|eds|census|recensement|survey|enquete|report|rapport)\s*(?:de\s+|of\s+)?$"),
]
_BASELINE_AFTER = [
    re.compile(r"^\s*(?:levels?|baseline|base|niveaux?|figures?|data|donnees|survey|census|enquete)\b"),
    re.compile(r"^\s*\(\s*(?:baseline|base|reference)\s*\)"),
]
_VALUE_YEAR_THEN_NEW_VALUE = (
    re.compile(rf"{_VALUE}\s*(?:[a-z]+\s+){{0,2}}(?:in|en|as\s+of|au)\s+$"),
    re.compile(r"^\s*,?\s*(?:to|a|->|\u2192|\u2013)\s*\d"),
)
_DEADLINE_WORDS_IN_PARENS = re.compile(r"\(\s*(?:by|before|d'ici|avant|target|cible|deadline|echeance)\b[^()]*$")
_TARGET_VALUE_IN_PARENS = re.compile(
    rf"(?:\bto|\ba|\breach\w*|\btarget\w*|\bcible|\batteindre|\batteint)\s*{_VALUE}[^()\d]{{0,25}}\(\s*$")


def _is_baseline_reference(folded: str, found: _Found) -> bool:
    before = folded[max(0, found.start_pos - 80):found.start_pos]
    after = folded[found.end_pos:found.end_pos + 40]
    if _DEADLINE_WORDS_IN_PARENS.search(before) or _TARGET_VALUE_IN_PARENS.search(before):
        return False
    if any(p.search(before) for p in _BASELINE_BEFORE):
        return True
    if any(p.search(after) for p in _BASELINE_AFTER):
        return True
    value_then_year, then_new_value = _VALUE_YEAR_THEN_NEW_VALUE
    return bool(value_then_year.search(before) and then_new_value.search(after))


def _quantity_not_year(folded: str, found: _Found) -> bool:
    """'2000 children' or 'USD 2000' is an amount, not a year."""
    text = folded[found.start_pos:found.end_pos]
    if not re.fullmatch(r"\d{4}", text):
        return False
    before = folded[max(0, found.start_pos - 12):found.start_pos]
    after = folded[found.end_pos:found.end_pos + 20]
    if re.search(r"(?:\$|usd|eur|rwf|ugx|kes|fcfa|cfa|xof|bif|cdf|frw|€|£|number|nombre|total)\s*$", before):
        return True
    followed_by_noun = re.match(r"^\s+([a-z][a-z'-]+)", after)
    if not followed_by_noun:
        return False
    next_word = followed_by_noun.group(1)
    date_context = re.search(r"\b(?:by|in|before|until|till|end|from|to|during|since|d'ici|en|avant|fin|a|au|"
                             r"jusqu'en|year|annee)\s*$", before)
    connectors = {"and", "et", "or", "ou", "to", "a", "at", "au", "with", "for", "pour", "in", "en", "the", "la",
                  "le", "les", "latest", "plus", "onwards", "onward"}
    return not date_context and next_word not in connectors


def _merge_ranges(folded: str, found: list[_Found]) -> list[_Found]:
    """'Jan 2017 - Dec 2018', 'from June 2017 to 2018' designate one period."""
    merged: list[_Found] = []
    for item in found:
        if merged:
            gap = folded[merged[-1].end_pos:item.start_pos]
            if re.fullmatch(r"\s*(?:-|\u2013|to|until|till|through|a|au|jusqu'a|jusqu'en|et)\s*", gap):
                previous = merged.pop()
                span = (min(previous.span[0], item.span[0]), max(previous.span[1], item.span[1]))
                item = _Found(previous.start_pos, item.end_pos, span)
        merged.append(item)
    return merged


def _deadline_candidates(text: str, whole_cell: bool) -> Iterator[_Found]:
    folded = _fold(text)
    for found in _merge_ranges(folded, _find_all(folded, whole_cell)):
        if _is_baseline_reference(folded, found) or _quantity_not_year(folded, found):
            continue
        yield found


_NUMERIC_DATE_SHAPE = re.compile(r"(?<![\d.])\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}(?![\d])")


def _has_impossible_numeric_date(folded: str) -> bool:
    """'31/02/2018' is a typo to report, not the year 2018."""
    for shape in _NUMERIC_DATE_SHAPE.finditer(folded):
        if not any(regex.fullmatch(shape.group(0)) and builder(regex.fullmatch(shape.group(0)))
                   for name, regex, builder, _ in _COMPILED if name in ("iso", "ymd", "dmy", "dmy_short")):
            return True
    return False


# Pure in its text, and deadlines repeat down a column ("2025", "Dec 2024"): read each once.
@lru_cache(maxsize=4096)
def _latest(text: str, whole_cell: bool) -> When | None:
    if whole_cell and _has_impossible_numeric_date(_fold(text)):
        return None
    candidates = list(_deadline_candidates(text, whole_cell))
    if not candidates:
        return None
    latest = max(candidates, key=lambda f: (f.span[1], f.span[0]))
    return When(latest.span[0], latest.span[1], text)


def _from_number(value: float, text: str) -> When | None:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    whole = int(value)
    if FIRST_YEAR <= whole <= LAST_YEAR and whole == value:
        start, end = _year_span(whole)
        return When(start, end, text)
    if EXCEL_SERIAL_RANGE[0] <= value <= EXCEL_SERIAL_RANGE[1]:
        day = EXCEL_EPOCH + dt.timedelta(days=whole)
        return When(day, day, text)
    return None


def parse_when(value: object) -> When | None:
    """The period a deadline cell designates, or None when it names no date ('ongoing', 'ASAP', '')."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return When(value.date(), value.date(), value.isoformat())
    if isinstance(value, dt.date):
        return When(value, value, value.isoformat())
    if isinstance(value, (int, float)):
        return _from_number(value, str(value))
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.0+)?", text):
        return _from_number(float(text), text)
    return _latest(text, whole_cell=True)


def find_when_in_text(text: object) -> When | None:
    """The latest deadline-like date expression in free text, ignoring baseline years."""
    if text is None:
        return None
    return _latest(str(text), whole_cell=False)


def years_in_text(text: object) -> list[int]:
    """Every four-digit year from 1990 to 2100 mentioned in the text, in order of appearance."""
    if text is None:
        return []
    years = [int(m.group("year")) for m in re.finditer(_YEAR, str(text))]
    return [y for y in years if TEXT_FIRST_YEAR <= y <= LAST_YEAR]
