"""Excel's limits on what one worksheet may hold; a file past them is one Excel must repair."""

from __future__ import annotations

# Hyperlink objects on one worksheet (HYPERLINK() formulas do not count).
MAX_SHEET_HYPERLINKS = 65_530
MAX_CELL_CHARACTERS = 32_767
MAX_SHEET_ROWS = 1_048_576

_LINKS_CAPPED = {
    "en": "Only the first {linked:,} rows link to their cell: Excel allows no more links on one sheet. "
          "The other {unlinked:,} rows name their cell without a link.",
    "fr": "Seules les {linked:,} premières lignes renvoient à leur cellule : Excel n'autorise pas plus de liens "
          "sur une feuille. Les {unlinked:,} autres lignes nomment leur cellule sans lien.",
}


def links_capped_note(linked: int, unlinked: int, lang: str = "en") -> str:
    """What a sheet says when it links only its first rows."""
    text = _LINKS_CAPPED.get(lang, _LINKS_CAPPED["en"]).format(linked=linked, unlinked=unlinked)
    return text.replace(",", "\u202f") if lang == "fr" else text


def cell_chunks(text: str, size: int = MAX_CELL_CHARACTERS) -> list[str]:
    """text cut into pieces that each fit in one cell (at least one piece, maybe empty)."""
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]
