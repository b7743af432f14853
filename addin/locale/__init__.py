"""Every user-facing sentence, one catalogue per language: en.toml and fr.toml beside this file.

A message is looked up by a dotted key ("merge.say.files") and filled with str.format. Counts take
their plural form from the language's rule, written inside the message as ICU MessageFormat does:

    files = "Files: {merged, plural, one {# merged} other {# merged}}"

`#` is the count, written the language's way (1,234 in English, 1 234 in French). A key missing in
French falls back to English, and a test keeps the two catalogues' keys and placeholders equal.
"""

from __future__ import annotations

import re
import string
from functools import cache, lru_cache
from importlib import resources

from ..run_cache import Store

LANGUAGES = ("en", "fr")
DEFAULT = "en"

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

# French typography: the space inside « » and before : ; ! ? never breaks, so a line never starts with
# "»" or ":" (LibreOffice and Excel wrap at a plain space).
_FRENCH_BREAKABLE_SPACE = re.compile(r"(?<=«) | (?=[»:;!?])")


def french_spacing(text: str) -> str:
    """The plain spaces French typography wants unbreakable, made so; other spaces as they are."""
    return _FRENCH_BREAKABLE_SPACE.sub(NBSP, text) if " " in text else text


def plural_category(n: int | float, lang: str) -> str:
    """CLDR's cardinal plural category: French treats 0 and 1 as singular, English only 1."""
    if lang == "fr":
        return "one" if 0 <= n < 2 else "other"
    return "one" if n == 1 else "other"


def number(n: int | float, lang: str) -> str:
    """A count as readers of that language write it: 12,345 or 12 345."""
    text = f"{n:,}"
    return text.replace(",", NARROW_NBSP) if lang == "fr" else text


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


# Parsed catalogues, kept between runs by their text (parsing both cost every command about 15 ms).
_PARSED = Store("catalogues")


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The language's messages by dotted key."""
    data = resources.files(__package__).joinpath(f"{lang}.toml").read_text(encoding="utf-8")
    return _PARSED.remembered((lang, data), lambda: _parse(data, lang))


def _parse(data: str, lang: str) -> dict[str, str]:
    import tomllib  # only when the catalogue changed, or on a computer's first run

    messages = _flatten(tomllib.loads(data))
    if lang == "fr":
        messages = {key: french_spacing(message) for key, message in messages.items()}
    return messages


def has(key: str) -> bool:
    return key in catalogue(DEFAULT)


_PLURAL_START = re.compile(r"\{(\w+),\s*plural,")
_BRANCH = re.compile(r"\s*(=\d+|zero|one|two|few|many|other)\s*\{")


def _closing(text: str, start: int) -> int:
    """Index of the brace closing the one opened just before start."""
    depth = 1
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unbalanced braces in message: {text!r}")


def _expand_plurals(text: str, values: dict[str, object], lang: str) -> str:
    """Replace each {name, plural, one {...} other {...}} by the branch the count selects."""
    out, pos = [], 0
    while (match := _PLURAL_START.search(text, pos)) is not None:
        out.append(text[pos:match.start()])
        name = match.group(1)
        end = _closing(text, match.end())
        branches: dict[str, str] = {}
        cursor = match.end()
        while (branch := _BRANCH.match(text, cursor)) is not None and branch.start() < end:
            close = _closing(text, branch.end())
            branches[branch.group(1)] = text[branch.end():close]
            cursor = close + 1
        count = values[name]
        chosen = branches.get(f"={count}") or branches.get(plural_category(count, lang)) or branches["other"]
        # `#` is the count; a nested plural is expanded with the same values.
        out.append(_expand_plurals(chosen, values, lang).replace("#", number(count, lang)))
        pos = end + 1
    out.append(text[pos:])
    return "".join(out)


class _Formatter(string.Formatter):
    """str.format, except that "{n:,}" groups digits the language's way."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, format_spec):
        text = super().format_field(value, format_spec)
        return text.replace(",", NARROW_NBSP) if self.lang == "fr" and "," in format_spec else text


@lru_cache(maxsize=4096)
def _groups_digits(template: str) -> bool:
    """Whether a field of the template asks for digit grouping ("{n:,}"), which French writes otherwise."""
    return any(spec and "," in spec for _, _, spec, _ in string.Formatter().parse(template))


def text(key: str, lang: str = DEFAULT, /, **values: object) -> str:
    """The message key in lang (English if lang has none), with its placeholders and plurals filled."""
    found = catalogue(lang if lang in LANGUAGES else DEFAULT).get(key)
    if found is None:
        found = catalogue(DEFAULT)[key]
    if "plural," in found:
        found = _expand_plurals(found, values, lang)
    if not values:
        return found
    if lang == "fr" and _groups_digits(found):
        return _Formatter(lang).format(found, **values)
    return found.format(**values)   # the same text, formatted in C


def every(key: str) -> dict[str, str]:
    """The message in every language, e.g. to recognise a header whatever the workbook's language."""
    return {lang: text(key, lang) for lang in LANGUAGES}


class Section:
    """The messages under one prefix, for modules that look up many keys of one kind."""

    def __init__(self, prefix: str):
        self.prefix = prefix.rstrip(".") + "."

    def __call__(self, key: str, lang: str = DEFAULT, /, **values: object) -> str:
        return text(self.prefix + key, lang, **values)

    def __contains__(self, key: str) -> bool:
        return has(self.prefix + key)

    def keys(self) -> list[str]:
        return [k[len(self.prefix):] for k in catalogue(DEFAULT) if k.startswith(self.prefix)]
