"""Typed headers are matched to schema columns as the plain matcher would: the fast one ranks each text's
candidate columns once (cached whatever is already taken) and leaves out names too short or too long to be
close; the answers must not change."""

from __future__ import annotations

import difflib
import random
import re
import unicodedata

from conftest import shared_file

from addin.groups import normalise
from addin.reader.headers import match_header
from addin.schema import SHEETS


def plain_match(header: str, columns, taken: set[str]) -> str | None:
    """The matcher as first written: exact name, then difflib's closest, then a name at either end."""
    wanted = normalise(header.replace("*", ""))
    index: dict[str, str] = {}
    for column in columns:
        for name in column.header_names:
            index.setdefault(normalise(name), column.key)
    index = {name: key for name, key in index.items() if key not in taken}
    if wanted in index:
        return index[wanted]
    close = difflib.get_close_matches(wanted, list(index), n=1, cutoff=0.85)
    if close:
        return index[close[0]]
    for name, key in sorted(index.items(), key=lambda kv: -len(kv[0])):
        if len(name) >= 5 and (wanted.startswith(name + " ") or wanted.endswith(" " + name)):
            return key
    return None


def test_the_fast_matcher_answers_as_the_plain_one():
    texts = {"", "*", "Ministry of Justice", "Indicator (SMART)", "Baseline value 2016", "Responsable"}
    for sheet in SHEETS:
        for column in sheet.columns:
            for name in column.header_names:
                texts |= {name, name.upper(), f"{name} *", name[:-1], name[1:], name[:-3], f"{name} 2016",
                          f"My {name}", f"{name}xyz", name[:2] + name[3:], name.replace("e", "é")}
    rng = random.Random(15)
    compared = 0
    for sheet in SHEETS:
        keys = [column.key for column in sheet.columns]
        for text in sorted(texts):
            for _ in range(2):
                taken = set(rng.sample(keys, rng.randint(0, min(6, len(keys)))))
                assert match_header(text, sheet.columns, taken) == plain_match(text, sheet.columns, taken), \
                    (text, taken)
                compared += 1
    assert compared > 5000


def _normalise_everything(text: str) -> str:
    """groups.normalise as first written: every text through NFKD, whether it has accents or not."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9']+", " ", text.replace("’", "'").lower()).strip()


def test_names_and_cells_normalise_as_before_with_or_without_accents():
    texts = ["Ministry of Justice", "  MINISTÈRE de la Justice ", "Women’s rights", "ﬁnance", "İstanbul",
             "Droits de l'enfant", "x\u0301", "1 000 km²", "Œuvre", "", "A\tB\nC", "½"]
    with shared_file("smart", "indicators-dev.csv").open(encoding="utf-8") as handle:
        texts += handle.read().split(",")
    assert any(not t.isascii() for t in texts) and any(t.isascii() for t in texts)
    for text in texts:
        assert normalise(text) == _normalise_everything(text), text
