"""What every check sees, and the shape of a check."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..findings import Finding
from ..messages import message
from ..reader import Matrix, MatrixRow
from ..smart import PlanWindow


@dataclass
class CheckContext:
    """Everything a check may read; checks never open files themselves."""

    file: str
    matrix: Matrix
    recommendations: Mapping[str, Mapping[str, object]]
    window: PlanWindow | None
    lang: str = "en"
    next_review: str = ""    # "November 2015, session 23" when the calendar knows it
    # Results shared between checks of the same row (e.g. parsed dates).
    cache: dict = field(default_factory=dict)

    def finding(self, type_: str, row: MatrixRow | None, field_key: str, message_id: str,
                fix_id: str | None = None, criterion: str = "", fix: str | None = None,
                **values: object) -> Finding:
        column = self.matrix.schema.column(field_key) if field_key else None
        values.setdefault("field", column.label(self.lang) if column else "")
        values.setdefault("criterion", criterion)
        return Finding(
            type=type_,
            message=_message(message_id, self.lang, values),
            fix=fix if fix is not None else (_message(fix_id, self.lang, values) if fix_id else ""),
            file=self.file,
            sheet=self.matrix.sheet,
            cell=(row.cells.get(field_key) or self.matrix.cell_of(row.row, field_key)) if row else "",
            row=row.row if row else None,
            field=field_key,
            recommendation_id=row.recommendation_id if row else "",
            criterion=criterion,
        )


class Check:
    """A small unit: hooks yield findings; none of them prints or reads files."""

    type: str = ""

    def validate_start(self, context: CheckContext) -> Iterable[Finding]:
        return ()

    def validate_row(self, context: CheckContext, row: MatrixRow) -> Iterable[Finding]:
        return ()

    def validate_end(self, context: CheckContext) -> Iterable[Finding]:
        return ()


# A file's findings repeat the same few sentences (the same field missing, the same fix): each distinct
# one is formatted once. Keys hold each value's type, so that 1, 1.0 and True stay apart.
_MESSAGES: dict[tuple, str] = {}


def _message(message_id: str, lang: str, values: dict[str, object]) -> str:
    key = (message_id, lang, *((name, type(value), value) for name, value in values.items()))
    try:
        return _MESSAGES[key]
    except KeyError:
        pass
    except TypeError:   # a value that cannot be a key
        return message(message_id, lang, **values)
    if len(_MESSAGES) >= 8192:
        _MESSAGES.clear()
    text = _MESSAGES[key] = message(message_id, lang, **values)
    return text
