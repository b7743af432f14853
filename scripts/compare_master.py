"""Compare two master workbooks cell by cell: what a coordinator sees and what a re-merge reads.

    python scripts/compare_master.py OLD.xlsx NEW.xlsx       # prints each difference, exit 1 if any

Compared: sheet names, order and visibility; every cell's value and type, number format, font
(bold, italic, size, colour, underline), solid fill, wrap and vertical alignment, quote prefix,
hyperlink target and comment; column widths and hidden columns; row heights; frozen panes;
autofilters; data validations; custom document properties; the Summary's page setup; and each
chart's type, series (names, categories, values), axes, title and the cell it is anchored at.

Not compared: how the file encodes these (shared or inline strings, style ids, the drawing's
anchor type and exact size in EMU), and document timestamps.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
MAX_SHOWN = 60


def _rgb(color) -> str | None:
    value = getattr(color, "rgb", None) if color is not None else None
    return value[-6:].upper() if isinstance(value, str) else None


def _cell_record(cell) -> dict[str, object]:
    font, fill, alignment = cell.font, cell.fill, cell.alignment
    record = {
        "value": cell.value, "type": type(cell.value).__name__,
        "data_type": cell.data_type if cell.value is not None else None,   # how an empty cell is stored: no matter
        "bold": bool(font.b), "italic": bool(font.i), "size": float(font.sz or 11),
        "color": _rgb(font.color), "underline": font.u or None,
        "fill": _rgb(fill.fgColor) if fill is not None and fill.fill_type == "solid" else None,
        "wrap": bool(alignment.wrap_text), "vertical": alignment.vertical,
        "quote": bool(cell.quotePrefix),
        "link": (cell.hyperlink.location or cell.hyperlink.target) if cell.hyperlink else None,
        "comment": (cell.comment.text, cell.comment.author) if cell.comment else None,
    }
    # A number format matters where the cell holds, or will hold, a number or a date.
    if cell.value is not None and not isinstance(cell.value, str) or cell.number_format != "General":
        record["format"] = cell.number_format
    return record


def _empty(record: dict[str, object]) -> bool:
    return record["value"] is None and not any(record[k] for k in ("bold", "italic", "color", "fill", "wrap",
                                                                 "vertical", "link", "comment")) \
        and record.get("format", "General") == "General"


def _sheet_records(ws) -> dict[str, object]:
    cells = {}
    for (r, c), cell in sorted(ws._cells.items()):
        record = _cell_record(cell)
        if not _empty(record):
            cells[cell.coordinate] = record
    from openpyxl.utils import get_column_letter

    widths = {}   # a <col> element may span several columns of one width
    for d in ws.column_dimensions.values():
        if d.customWidth or d.hidden:
            for column in range(d.min or 1, (d.max or d.min or 1) + 1):
                widths[get_column_letter(column)] = (round(float(d.width), 2) if d.customWidth else None,
                                                     bool(d.hidden))
    heights = {r: float(d.height) for r, d in ws.row_dimensions.items() if d.height is not None}
    validations = sorted((str(dv.sqref), dv.type, dv.formula1, bool(dv.allow_blank), bool(dv.showErrorMessage),
                          bool(dv.showInputMessage), dv.promptTitle) for dv in ws.data_validations.dataValidation)
    # An absent fitToWidth or fitToHeight is 1.
    page = (ws.page_setup.orientation, ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight,
            bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage))
    return {"cells": cells, "widths": widths, "heights": heights, "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref or None, "validations": validations, "state": ws.sheet_state,
            "page": page}


def _text(element) -> str | None:
    return None if element is None else "".join(t.text or "" for t in element.iter(f"{A}t")) or \
        "".join(t.text or "" for t in element.iter(f"{C}v")) or None


def _axis(element) -> dict[str, object]:
    def val(path):
        found = element.find(path)
        return None if found is None else found.get("val", found.get("formatCode"))

    return {"orientation": val(f"{C}scaling/{C}orientation"), "min": val(f"{C}scaling/{C}min"),
            "max": val(f"{C}scaling/{C}max"), "major": val(f"{C}majorUnit"), "format": val(f"{C}numFmt"),
            "crosses": val(f"{C}crosses") or "autoZero", "deleted": val(f"{C}delete") in ("1", "true")}


def _number(text: str | None) -> float | None:
    return None if text is None else float(text)


def _charts(path: Path) -> dict[str, list[dict[str, object]]]:
    """Sheet name -> its charts, in anchor order, from the package's XML (openpyxl drops charts)."""
    found: dict[str, list[dict[str, object]]] = {}
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        for name, rid in re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
            target = next(rel.get("Target") for rel in ElementTree.fromstring(rels) if rel.get("Id") == rid)
            sheet = "xl/" + target.lstrip("/").removeprefix("xl/")
            sheet_rels = sheet.replace("worksheets/", "worksheets/_rels/") + ".rels"
            if sheet_rels not in names:
                continue
            targets = [rel.get("Target") for rel in ElementTree.fromstring(archive.read(sheet_rels))]
            for drawing in [t for t in targets if re.search(r"drawings/drawing\d+\.xml$", t)]:
                drawing = "xl/drawings/" + drawing.rsplit("/", 1)[1]
                drawing_rels = drawing.replace("drawings/", "drawings/_rels/") + ".rels"
                chart_of = {rel.get("Id"): "charts/" + rel.get("Target").rsplit("/", 1)[1]
                            for rel in ElementTree.fromstring(archive.read(drawing_rels))}
                tree = ElementTree.fromstring(archive.read(drawing))
                for anchor in tree:
                    start = anchor.find(f"{XDR}from")
                    chart_ref = next((e for e in anchor.iter() if e.tag.endswith("}chart")), None)
                    if start is None or chart_ref is None:
                        continue
                    rid_attr = next(v for k, v in chart_ref.attrib.items() if k.endswith("}id"))
                    chart = ElementTree.fromstring(archive.read("xl/" + chart_of[rid_attr]))
                    found.setdefault(name, []).append(_chart_record(chart, (int(start.find(f"{XDR}row").text),
                                                                              int(start.find(f"{XDR}col").text))))
    return found


def _chart_record(chart, anchor: tuple[int, int]) -> dict[str, object]:
    plot = chart.find(f"{C}chart/{C}plotArea")
    kinds = [e for e in plot if e.tag.endswith("Chart")]
    kind = kinds[0]
    series = []
    for ser in kind.findall(f"{C}ser"):
        def ref(tag):
            found = ser.find(f"{tag}//{C}f")
            return None if found is None else found.text.replace("$", "").replace("'", "")
        series.append({"name": ref(f"{C}tx"), "categories": ref(f"{C}cat"), "values": ref(f"{C}val")})
    bar_dir = kind.find(f"{C}barDir")
    title = chart.find(f"{C}chart/{C}title")
    axes = {e.tag.split("}")[1]: _axis(e) for e in plot if e.tag.endswith("Ax")}
    for axis in axes.values():
        for key in ("min", "max", "major"):
            axis[key] = _number(axis[key])
    return {"anchor": anchor, "kind": kind.tag.split("}")[1], "bar_dir": None if bar_dir is None else bar_dir.get("val"),
            "series": series, "title": _text(title), "axes": axes}


def compare(old: Path, new: Path) -> list[str]:
    """Every difference between the two masters, one line each; [] when they are the same."""
    import openpyxl

    differences: list[str] = []
    a, b = openpyxl.load_workbook(old), openpyxl.load_workbook(new)
    if a.sheetnames != b.sheetnames:
        differences.append(f"sheets: {a.sheetnames} != {b.sheetnames}")
    props = [{p.name: p.value for p in wb.custom_doc_props.props} for wb in (a, b)]
    if props[0] != props[1]:
        differences.append(f"custom properties: {props[0]} != {props[1]}")
    for name in a.sheetnames:
        if name not in b.sheetnames:
            continue
        x, y = _sheet_records(a[name]), _sheet_records(b[name])
        for key in ("state", "freeze", "filter", "validations", "widths", "heights", "page"):
            if x[key] != y[key]:
                differences.append(f"{name}: {key}: {x[key]!r} != {y[key]!r}")
        for coordinate in sorted(set(x["cells"]) | set(y["cells"]), key=lambda c: (int(re.sub(r"\D", "", c)), c)):
            p, q = x["cells"].get(coordinate), y["cells"].get(coordinate)
            if p != q:
                if p and q:
                    diff = {k: (p.get(k), q.get(k)) for k in set(p) | set(q) if p.get(k) != q.get(k)}
                    differences.append(f"{name}!{coordinate}: {diff}")
                else:
                    differences.append(f"{name}!{coordinate}: {p!r} != {q!r}")
    charts = _charts(old), _charts(new)
    if charts[0] != charts[1]:
        for sheet in sorted(set(charts[0]) | set(charts[1])):
            p, q = charts[0].get(sheet, []), charts[1].get(sheet, [])
            if len(p) != len(q):
                differences.append(f"{sheet}: {len(p)} charts != {len(q)}")
            for i, (c, d) in enumerate(zip(p, q)):
                if c != d:
                    differences.append(f"{sheet}: chart {i + 1}: {c} != {d}")
    return differences


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.splitlines()[2].strip())
        return 2
    differences = compare(Path(args[0]), Path(args[1]))
    for line in differences[:MAX_SHOWN]:
        print(line)
    if len(differences) > MAX_SHOWN:
        print(f"… and {len(differences) - MAX_SHOWN} more")
    print(f"{len(differences)} differences" if differences else "same content")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
