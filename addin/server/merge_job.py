"""One merge in its own process, so that the server can stop it at its time limit and a hostile file
cannot take the server down with it.

    python -m addin.server.merge_job WORKDIR LANG [LIST]

merges WORKDIR/uploaded into WORKDIR/out/Master matrix.xlsx with the core's merge_workbooks, exactly
as `upr merge` does, and writes WORKDIR/result.json: the summary `upr merge` prints and each file's
fate. It works from inside WORKDIR, so that the master's Sources sheet says the files were in
"uploaded", and the server's private paths appear neither there nor in the messages.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

MASTER_NAME = "Master matrix.xlsx"
UPLOADED = "uploaded"       # the folder the Sources sheet names


def scrub(text: str, workdir: Path) -> str:
    """Messages name files as the user named them, never by the server's private paths."""
    text = re.sub(re.escape(str(workdir)) + r"[\\/]+", "", text)
    return re.sub(r"(?<![\w.-])(?:uploaded|list|out)[\\/]+", "", text)


def run(workdir: Path, lang: str, recommendations: Path | None) -> dict:
    from rich.console import Console

    from addin.errors import InputError, OutputError
    from addin.merge import merge_workbooks, render_summary

    output = workdir / "out" / MASTER_NAME
    os.chdir(workdir)
    try:
        result = merge_workbooks([Path(UPLOADED)], output, lang=lang, recommendations=recommendations)
    except (InputError, OutputError) as exc:
        return {"error": scrub(exc.text(lang), workdir)}
    console = Console(file=io.StringIO(), width=10_000, record=True, highlight=False, color_system=None)
    render_summary(result, console)
    lines = [scrub(line, workdir) for line in console.export_text().splitlines() if line.strip()]
    return {
        "written": result.written,
        "summary": lines,
        "files": [{"name": Path(s.path).name, "status": s.status, "group": s.group, "rows": s.rows,
                   "reason": scrub(s.reason, workdir), "unusable": s.unusable} for s in result.sources],
        "rows": {kind: len(rows) for kind, rows in result.rows.items()},
        "not_addressed": result.not_addressed,
        "warnings": [scrub(w, workdir) for w in result.warnings],
    }


def main(argv: list[str]) -> int:
    workdir, lang = Path(argv[0]), argv[1]
    recommendations = Path(argv[2]) if len(argv) > 2 else None
    data = run(workdir, lang, recommendations)
    (workdir / "result.json").write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
