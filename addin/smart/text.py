"""Reading plan text: folding, concepts, stems, acronyms, proper names and numbers (English and French)."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps

from .. import cached_re as re  # re's functions, the compiled patterns kept between runs
from . import lexicon as lx
from .triggers import PREFIX_LENGTH, Triggers

__all__ = [
    "fold", "Features", "features", "matches", "stem", "Entity", "entities", "acronym_expansions",
    "Quantity", "quantities", "has", "first_match", "stems_match",
]


_TYPOGRAPHIC = {"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u202f": " ", "\u2013": "-", "\u2014": "-",
                "\u0153": "o"}


class _FoldTable(dict):
    """str.translate's table, filled on first sight of each character: its first NFKD character in lower case."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = (unicodedata.normalize("NFKD", char)[:1] or char).lower()[:1] or char
        folded = _TYPOGRAPHIC.get(folded, folded)
        if len(self) < 20000:  # a file full of rare characters must not grow it without end
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


# Texts are cached up to this length: a cell's sentence, not a pasted report.
CACHED_TEXT_LENGTH = 2000


def _fold_uncached(raw: str) -> str:
    if raw.isascii():
        return raw.lower()  # no accents and no typographic quotes: lower() maps one character to one
    return raw.translate(_FOLD_TABLE)


_fold_cached = lru_cache(maxsize=4096)(_fold_uncached)


def fold(text: object) -> str:
    """Lower case without accents, one character for one (so spans stay valid), typographic quotes made plain."""
    raw = text if type(text) is str else "" if text is None else str(text)
    return _fold_cached(raw) if len(raw) <= CACHED_TEXT_LENGTH else _fold_uncached(raw)


def per_text(function):
    """Cache a pure function of strings that returns an immutable value; long texts are not kept.

    One recommendation is cited by many rows, and a group repeats its wording: each text is read once."""
    cached = lru_cache(maxsize=4096)(function)

    @wraps(function)
    def lookup(*args):
        # Called a dozen times per row, nearly always with one string: that case skips the sum.
        if len(args) == 1 and type(args[0]) is str:
            length = len(args[0])
        else:
            length = sum(len(arg) for arg in args if isinstance(arg, str))
        return cached(*args) if length <= CACHED_TEXT_LENGTH else function(*args)
    lookup.cache_clear = cached.cache_clear
    return lookup


@lru_cache(maxsize=None)
def _word_regex(alternatives: str) -> re.Pattern:
    return re.compile(rf"(?<![\w]){'(?:' + alternatives + ')'}(?![\w])")


def has(pattern: str, folded_text: str) -> bool:
    """True when one of the `|` alternatives occurs as whole words in folded text."""
    return bool(_word_regex(pattern).search(folded_text))


def first_match(pattern: str, folded_text: str, original: str = "") -> str:
    """The first occurrence, taken from `original` (same positions, accents kept) when given."""
    found = _word_regex(pattern).search(folded_text)
    if not found:
        return ""
    source = original if len(original) == len(folded_text) else folded_text
    return source[found.start():found.end()]


# Compiled when a text first lets the pattern through (triggers): compiling all of them cost every
# command about 0.15 s at start-up, and a workbook's texts reach only some.
_CONCEPTS = [(pattern, tags) for pattern, tags in lx.CONCEPT_PATTERNS]
_COMPILED: list[re.Pattern | None] = [None] * len(_CONCEPTS)


def _concept_regex(k: int) -> re.Pattern:
    regex = _COMPILED[k]
    if regex is None:
        regex = _COMPILED[k] = _word_regex(_CONCEPTS[k][0])
    return regex


_CONCEPT_TRIGGERS = Triggers([pattern for pattern, _ in lx.CONCEPT_PATTERNS])

_SUFFIXES = sorted("""
ational ations ation itions ition ements ement ments ment ities ity ites ite ness ings ing ions ion ives ive eurs
euses euse eur ees ee ies ied ers er ed es s e al aux ales ale ly ique iques
""".split(), key=len, reverse=True)


@lru_cache(maxsize=None)
def stem(word: str) -> str:
    """Crude English/French suffix stripping, enough to match 'prosecuted' with 'prosecution'."""
    current = word
    for minimum in (3, 5):  # a second, more careful pass: "registered" -> "register" -> "regist"
        for suffix in _SUFFIXES:
            if current.endswith(suffix) and len(current) - len(suffix) >= minimum:
                current = current[: -len(suffix)] + ("i" if suffix in ("ied", "ies") else "")
                break
        else:
            break
    if len(current) > 5 and current[-1] == current[-2]:
        current = current[:-1]
    return current


def stems_match(a: str, b: str) -> bool:
    """The same stem, or one a longer form of the other ('register' and 'registration'), five letters or more."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 5 and longer.startswith(shorter)


@dataclass
class Features:
    """What a piece of text talks about: concept tags and the stems of its remaining content words."""

    concepts: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    # stem -> a word that produced it, to quote back to the user
    words: dict[str, str] = field(default_factory=dict)
    concept_words: dict[str, str] = field(default_factory=dict)
    # stems of every content word, including those a concept consumed ("married" in "married before 18")
    all_stems: set[str] = field(default_factory=set)

    def __or__(self, other: "Features") -> "Features":
        return Features(self.concepts | other.concepts, self.stems | other.stems,
                        {**other.words, **self.words}, {**other.concept_words, **self.concept_words},
                        self.all_stems | other.all_stems)

    def without(self, concepts: frozenset[str] | set[str]) -> "Features":
        return Features(self.concepts - set(concepts), set(self.stems), dict(self.words), dict(self.concept_words),
                        set(self.all_stems))

    def __bool__(self) -> bool:
        return bool(self.concepts or self.stems)

    def describe(self, limit: int = 3, within: str = "") -> str:
        """A few of the words, quoted as written; never a number, and words that only name a kind of
        text ('Convention', 'article') only when nothing else is left. With `within` (folded text), only words
        that occur in it: not the spelled-out words of an acronym the text only abbreviates."""
        shown = [self.concept_words.get(c, c.lower()) for c in sorted(self.concepts)]
        shown += [self.words.get(s, s) for s in sorted(self.stems) if not s.isdigit()]
        if within:
            shown = [w for w in shown if fold(w) in within] or shown
        telling = [w for w in shown if fold(w) not in lx.REFERENCE_WORDS and fold(w) not in lx.STOPWORDS
                   and fold(w) not in lx.WEAK_WORDS]
        return ", ".join(list(dict.fromkeys(telling or shown))[:limit])


_TOKEN = re.compile(r"[a-z0-9]+")
_YEARISH = re.compile(r"(?:19|20)\d\d")


def features(text: object, keep_generic: bool = False) -> Features:
    """Concepts first (compounds consume their words), then the stems of what is left."""
    raw = "" if text is None else str(text)
    read = _read_cached if len(raw) <= CACHED_TEXT_LENGTH else _read
    concepts, stems, words, concept_words, all_stems = read(raw, keep_generic)
    # A fresh object each time: callers narrow their copy (`without`, `stems -=`), never the cache's.
    return Features(set(concepts), set(stems), dict(words), dict(concept_words), set(all_stems))


def _read(raw: str, keep_generic: bool) -> tuple:
    folded = fold(raw)
    # Quote the user's own words back (accents and case kept) when folding kept every position.
    shown = raw if len(raw) == len(folded) else folded
    concepts: set[str] = set()
    concept_words: dict[str, str] = {}
    remaining = folded
    # Only the patterns that can begin where one of the text's words begins are run (same result, see triggers).
    beginnings = _CONCEPT_TRIGGERS.beginnings(remaining)
    candidates = _CONCEPT_TRIGGERS.mask(beginnings)
    k = -1
    while True:
        # The next candidate after k, in the patterns' order; one that becomes a candidate behind k stays unrun,
        # as when each pattern's bit was tested in turn.
        ahead = candidates >> (k + 1)
        if not ahead:
            break
        k += (ahead & -ahead).bit_length()
        tags = _CONCEPTS[k][1]
        spans = [found.span() for found in _concept_regex(k).finditer(remaining)]
        if not spans:
            continue
        pieces, done = [], 0
        new: set[str] = set()
        for start, end in spans:
            for tag in tags:
                concepts.add(tag)
                concept_words.setdefault(tag, shown[start:end])
            pieces += [remaining[done:start], " " * (end - start)]
            done = end
        # The compound consumes its words: later, shorter concepts no longer see them.
        remaining = "".join(pieces) + remaining[done:]
        # Blanks change what begins just before them, inside them and just after them; more beginnings than
        # needed only run more patterns.
        for start, end in spans:
            new |= _CONCEPT_TRIGGERS.beginnings(remaining, max(0, start - PREFIX_LENGTH), end + 1)
        new -= beginnings
        if new:
            beginnings |= new
            candidates |= _CONCEPT_TRIGGERS.mask(new)
    stems: set[str] = set()
    words: dict[str, str] = {}
    tokens = _content_tokens(folded, keep_generic)
    for token, start, end in tokens:
        if remaining[start] == " ":
            continue  # a concept consumed it (a concept never ends or starts inside a token)
        token_stem = stem(token)
        stems.add(token_stem)
        words.setdefault(token_stem, shown[start:end])
    all_stems = frozenset(stem(token) for token, _, _ in tokens)
    return frozenset(concepts), frozenset(stems), tuple(words.items()), tuple(concept_words.items()), all_stems


_read_cached = lru_cache(maxsize=4096)(_read)


def _content_tokens(folded: str, keep_generic: bool) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded) if _is_content(m.group(), keep_generic)]


@lru_cache(maxsize=65536)
def _is_content(token: str, keep_generic: bool) -> bool:
    return (token not in lx.STOPWORDS and (keep_generic or not _is_generic(token))
            and (len(token) >= 3 or token.isdigit()) and not _YEARISH.fullmatch(token))


_SORTED_GENERIC = sorted(lx.GENERIC_WORDS)


@lru_cache(maxsize=None)
def _concept_pattern_text() -> str:
    return " ".join(pattern for pattern, _ in lx.CONCEPT_PATTERNS)


def _is_generic(token: str) -> bool:
    """A generic word or another form of one ("undertaken" for "undertake", "facilitating" for "facilitate"):
    its stem, five letters or more, is a generic word's, and is not itself a word of the concepts ("travail" from
    "travailler" stays a content word). A word's stem begins it, so only generic words beginning with the stem are
    stemmed (stemming all of them cost each command a few milliseconds)."""
    if token in lx.GENERIC_WORDS:
        return True
    if len(token) < 6:
        return False
    return _is_generic_stem(stem(token))


@lru_cache(maxsize=4096)
def _is_generic_stem(token_stem: str) -> bool:
    if len(token_stem) < 5:
        return False
    at = bisect_left(_SORTED_GENERIC, token_stem)
    while at < len(_SORTED_GENERIC) and _SORTED_GENERIC[at].startswith(token_stem):
        if stem(_SORTED_GENERIC[at]) == token_stem:
            return not re.search(rf"(?<![a-z]){token_stem}(?![a-z])", _concept_pattern_text())
        at += 1
    return False


def matches(needles: Features, haystack: Features, loose: bool = False) -> Features:
    """The part of `needles` that `haystack` also mentions; `loose` also looks inside the haystack's concepts."""
    pool = haystack.stems | haystack.all_stems if loose else haystack.stems
    shared_stems = {s for s in needles.stems if any(stems_match(s, h) for h in pool)}
    return Features(needles.concepts & haystack.concepts, shared_stems, needles.words, needles.concept_words)


# --- acronyms ---------------------------------------------------------------------------------------
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*[A-Z0-9])(?![\w-])")
_SKIPPABLE = frozenset("of the on for to and in with against from de des du la le l d et pour sur contre a aux au en"
                       .split())
_NOT_ACRONYMS = frozenset("USD EUR RWF FRW UGX KES TZS FCFA CFA XOF XAF BIF CDF MGA GNF II III IV".split())


def acronyms(text: object) -> list[str]:
    """Upper-case tokens of two letters or more, as letters only ('OP-CAT' -> 'OPCAT'); currencies left out."""
    found = []
    for token in _ACRONYM.findall(str(text or "")):
        letters = re.sub(r"[^A-Z]", "", token)
        if len(letters) >= 2 and token not in _NOT_ACRONYMS:
            found.append(letters)
    return found


@per_text
def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\w]+", fold(text)) if w)


def _initials_span(letters: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    """A run of words whose initials spell the acronym; small words may be skipped or used."""
    target = letters.lower()

    def extend(i: int, j: int) -> int | None:
        if j == len(target):
            return i
        if i == len(words):
            return None
        word = words[i]
        if word[0] == target[j]:
            end = extend(i + 1, j + 1)
            if end is not None:
                return end
        if word in _SKIPPABLE:
            return extend(i + 1, j)
        return None

    for start, word in enumerate(words):
        if word[0] == target[0] and word not in _SKIPPABLE:
            end = extend(start, 0)
            if end is not None and end - start >= 2:
                return start, end
    return None


def acronym_expansions(text: object, other: object) -> str:
    """Words of `other` that acronyms in `text` stand for, or acronyms of `other` that `text` spells out."""
    return _acronym_expansions(str(text or ""), str(other or ""))


@per_text
def _acronym_expansions(text: str, other: str) -> str:
    extra: list[str] = []
    text_words, other_words = _folded_words(text), _folded_words(other)
    for letters in acronyms(text):
        span = _initials_span(letters, other_words)
        if span:
            extra.append(" ".join(other_words[span[0]:span[1]]))
        elif letters in lx.KNOWN_ACRONYMS:
            extra.append(lx.KNOWN_ACRONYMS[letters])
    for token in _ACRONYM.findall(text):
        parts = re.split(r"[-/]", token)
        if len(parts) > 1 and all(part in lx.KNOWN_ACRONYMS for part in parts):
            # "OP-ICESCR": the Optional Protocol to the Covenant, spelled out part by part
            extra.append(" ".join(lx.KNOWN_ACRONYMS[part] for part in parts))
    folded_text = " ".join(text_words)
    for letters in acronyms(other):
        known = lx.KNOWN_ACRONYMS.get(letters)
        if _initials_span(letters, text_words) or (known and " ".join(_folded_words(known)) in folded_text):
            extra.append(letters.lower())
    return " ".join(extra)


# --- proper names -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entity:
    """A named institution or instrument ("National Commission for Human Rights", "Code des personnes ...")."""

    text: str
    start: int
    end: int
    acronym: str = ""

    @cached_property
    def kind_words(self) -> set[str]:
        return {w for w in _folded_words(self.text) if w in lx.BODY_KINDS or w in lx.INSTRUMENT_KINDS}

    @property
    def is_body(self) -> bool:
        """Its head kind word is a body's: the first word when the name starts with one ("Ministry of ...",
        "Loi portant création de la Commission ..."), else the last ("Judicial Service Commission Act")."""
        kinds = [w for w in _folded_words(self.text) if w in lx.BODY_KINDS or w in lx.INSTRUMENT_KINDS]
        if not kinds:
            return False
        words = _folded_words(self.text)
        # the kind word before the first "of", "on", "to"... is the head: "Rome Statute of the International
        # Criminal Court" is a statute, "Committee against Torture" a committee (B017)
        if words[-1] in lx.INSTRUMENT_KINDS:
            return False  # "Council of Europe Convention", "Judicial Service Commission Act": the last word heads it
        before = next((i for i, w in enumerate(words) if w in _HEAD_CONNECTORS), len(words))
        leading = [w for w in words[:before] if w in kinds]
        head = words[0] if words[0] in kinds else (leading[-1] if leading else kinds[-1])
        return head in lx.BODY_KINDS


_HEAD_CONNECTORS = frozenset("of on to for against from de du des sur contre pour".split())
_ENTITY_TOKEN = re.compile(r"[^\W_][\w'\u2019\-]*")
_CONNECTORS = frozenset("of on for to the against and in from with de des du la le et pour sur contre aux au".split())
_ELIDED_CONNECTOR = re.compile(r"^(?:l|d)['\u2019]", re.IGNORECASE)
_FRENCH_STOP = frozenset("""
afin pour qui que en par dans avec sur a est sont soit ou lors entre contre doit conformement selon
""".split())


def _is_capitalised(token: str) -> bool:
    core = _ELIDED_CONNECTOR.sub("", token)
    return bool(core) and core[0].isupper()


def _kind_of(token: str) -> bool:
    core = fold(_ELIDED_CONNECTOR.sub("", token))
    return core in lx.BODY_KINDS or core in lx.INSTRUMENT_KINDS


_ARTICLES = frozenset("the a an le la les l un une".split())
_VERB_ENDINGS = re.compile(r"(?:er|ir|re|ize|ise|ify|ate)$")
# Imperatives that start a recommendation and that no ending above catches ("Accede to the ...").
_REQUEST_VERBS = frozenset("accede join sign adopt enact establish extend submit implement withdraw lift accept "
                           "abolish amend repeal issue become invite transmit".split())


def _looks_like_verb_or_article(token: str) -> bool:
    """A capital that only starts the sentence: "Ratify the ...", "Renforcer la ...", "The ..."."""
    folded = fold(token)
    if folded in _ARTICLES or folded in lx.GENERIC_WORDS or folded in _REQUEST_VERBS:
        return True
    return bool(_VERB_ENDINGS.search(folded)) and not _kind_of(token)


def entities(text: object) -> list[Entity]:
    """Capitalised names ("Optional Protocol to the Convention against Torture") and French-style names
    led by a capitalised kind word ("Code des personnes et de la famille")."""
    return list(_entities(str(text or "")))


@per_text
def _entities(source: str) -> tuple[Entity, ...]:
    tokens = [(m.group(0), m.start(), m.end()) for m in _ENTITY_TOKEN.finditer(source)]
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        token, start, _ = tokens[i]
        if not _is_capitalised(token):
            i += 1
            continue
        run = [i]
        j = i + 1
        pending: list[int] = []
        while j < len(tokens):
            word, word_start, _ = tokens[j]
            gap = source[tokens[j - 1][2]:word_start]
            # "Protocol to Prevent, Suppress and Punish Trafficking ...": a list of capitalised verbs inside a name
            listed = gap.strip() == "," and _kind_of(tokens[i][0]) and _is_capitalised(word) \
                and _is_capitalised(tokens[j - 1][0]) and re.match(r"[\w\s,]*?\band\s+[A-Z]", source[word_start:word_start + 60])
            if re.search(r"[,;:.()\[\]]", gap) and not listed:
                break
            if _is_capitalised(word):
                run.extend(pending + [j])
                pending = []
            elif fold(word) in _CONNECTORS or (_ELIDED_CONNECTOR.match(word) and _is_capitalised(word[2:])):
                pending.append(j)
                if _ELIDED_CONNECTOR.match(word):
                    run.extend(pending)
                    pending = []
            else:
                break
            j += 1
        capitals = [k for k in run if _is_capitalised(tokens[k][0])]
        sentence_initial = i == 0 or re.search(r"[.;:!?]\s*$", source[:start])
        if sentence_initial and len(run) > 1 and _looks_like_verb_or_article(token):
            run, capitals = run[1:], capitals[1:]
            while run and not _is_capitalised(tokens[run[0]][0]):
                run = run[1:]
        entity_tokens = run
        if len(capitals) == 1 and _kind_of(tokens[capitals[0]][0]) and not (sentence_initial and capitals[0] == i):
            entity_tokens = _french_style(tokens, capitals[0], source)
        elif len(capitals) < 2:
            entity_tokens = []
        while entity_tokens and fold(tokens[entity_tokens[0]][0]) in _ARTICLES:
            entity_tokens = entity_tokens[1:]
        if entity_tokens:
            first, last = tokens[entity_tokens[0]], tokens[entity_tokens[-1]]
            name_start = first[1] + (2 if _ELIDED_CONNECTOR.match(first[0]) else 0)
            name = source[name_start:last[2]]
            acronym_after = re.match(r"\s*\(([A-Z][A-Z0-9-]{1,9})\)", source[last[2]:])
            acronym = acronym_after.group(1) if acronym_after and acronym_after.group(1) not in _NOT_ACRONYMS else ""
            found.append(Entity(name, name_start, last[2], acronym))
            i = max(j, entity_tokens[-1] + 1)
        else:
            i += 1
    return tuple(found)


def _french_style(tokens: list[tuple[str, int, int]], head: int, source: str) -> list[int]:
    """A capitalised kind word and its lower-case complement, up to a clause boundary."""
    taken = [head]
    for k in range(head + 1, min(len(tokens), head + 12)):
        word = tokens[k][0]
        gap = source[tokens[k - 1][2]:tokens[k][1]]
        folded = fold(_ELIDED_CONNECTOR.sub("", word))
        previous = tokens[k - 1][0]
        # part of the name: "Protocole ... se rapportant à", "Convention contre la torture"
        in_name = (folded == "a" and fold(previous) == "rapportant") or (
            folded in ("contre", "sur") and ((_kind_of(previous) and _is_capitalised(previous))
                                             or re.fullmatch(r"(?:19|20)\d\d", previous)))  # "Convention de 1961 sur ..."
        if re.search(r"[,;:.()\[\]]", gap) or (folded in _FRENCH_STOP and not in_name):
            break
        if re.fullmatch(rf"(?:{lx.STRUCTURAL_EVENT})", folded):
            break
        taken.append(k)
    def dangling(token: str) -> bool:
        return fold(token) in _CONNECTORS or bool(_ELIDED_CONNECTOR.fullmatch(token))

    while len(taken) > 1 and dangling(tokens[taken[-1]][0]):
        taken.pop()
    return taken


# --- numbers ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Quantity:
    """A number read from a cell, with its position in the folded text."""

    value: float
    percent: bool
    start: int
    end: int


_NUMBER = re.compile(
    r"(?<![\w.,])(?P<int>\d{1,3}(?:[ ,]\d{3})+|\d+)(?:[.,](?P<dec>\d+))?(?![\d])"
    r"(?P<pct>\s*(?:%|per ?cent|pour ?cent))?"
    r"(?P<scale>\s*(?:billion|milliards?|bn|million|millions|m\b|thousand|mille|k\b))?"
)
_SCALES = {"billion": 1e9, "milliard": 1e9, "milliards": 1e9, "bn": 1e9, "million": 1e6, "millions": 1e6, "m": 1e6,
           "thousand": 1e3, "mille": 1e3, "k": 1e3}


_NOT_A_VALUE_BEFORE = re.compile(r"(?:(?<![a-z])(?:aged?|ages|article|art\.|under|per|pour|q|t|h)\s*-?|\d\s*[-/])$")


def quantities(text: object, skip_years: bool = True) -> list[Quantity]:
    """Numbers in a cell, with thousands separators, decimal commas, % and scale words; years are dates."""
    return list(_quantities(fold(text), skip_years))


@per_text
def _quantities(folded: str, skip_years: bool) -> tuple[Quantity, ...]:
    found = []
    for m in _NUMBER.finditer(folded):
        integer = m.group("int")
        decimals = m.group("dec")
        if decimals is not None and len(decimals) == 3 and "," in folded[m.start():m.end()] and " " not in integer:
            integer, decimals = integer + decimals, None  # "3,200": thousands, not a decimal comma
        value = float(re.sub(r"[ ,]", "", integer) + (f".{decimals}" if decimals else ""))
        percent = bool(m.group("pct"))
        if skip_years and not percent and decimals is None and _YEARISH.fullmatch(integer) \
                and 1990 <= value <= 2100:
            continue
        before = folded[max(0, m.start() - 12):m.start()]
        if _NOT_A_VALUE_BEFORE.search(before) or re.match(r"-\d", folded[m.end():m.end() + 2]):
            continue  # ages, articles, "per 1,000", ranges and quarters are not values
        scale = (m.group("scale") or "").strip()
        value *= _SCALES.get(scale, 1.0)
        found.append(Quantity(value, percent, m.start(), m.end()))
    return tuple(found)
