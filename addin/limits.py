"""Excel's limits on what one worksheet may hold; a file past them is one Excel must repair."""

from __future__ import annotations

# Hyperlink objects on one worksheet (HYPERLINK() formulas do not count).
MAX_SHEET_HYPERLINKS = 65_530
MAX_CELL_CHARACTERS = 32_767
MAX_SHEET_ROWS = 1_048_576

# A data validation's input title; Excel refuses a longer one.
MAX_PROMPT_TITLE = 32


def links_capped_note(linked: int, unlinked: int, lang: str = "en") -> str:
    """What a sheet says when it links only its first rows."""
    from .locale import text

    return text("limits.links_capped", lang, linked=linked, unlinked=unlinked)


def short_title(title: str, limit: int = MAX_PROMPT_TITLE) -> str:
    """title cut after a whole word, with an ellipsis, when it is longer than Excel allows."""
    if len(title) <= limit:
        return title
    cut = title[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def cell_chunks(text: str, size: int = MAX_CELL_CHARACTERS) -> list[str]:
    """text cut into pieces that each fit in one cell (at least one piece, maybe empty)."""
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]
