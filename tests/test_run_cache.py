"""What a command keeps between runs (addin/run_cache.py): compiled patterns (addin/cached_re.py), parsed
catalogues, the SMART checker's pattern beginnings. A second run rebuilds nothing and says exactly what the
first said; a damaged, foreign or stale cache file is ignored and replaced, never trusted."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys

import pytest

from conftest import shared_file

from addin import cached_re

# `upr smart check` over the dev indicators: the SMART checker's and the date reader's patterns.
_RUN = """
import json, sys
from addin import cached_re, run_cache
from addin.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
stores = {store.name: {"hits": store.hits, "misses": store.misses} for store in run_cache._stores}
print(json.dumps({**cached_re.stats(), "stores": stores}), file=sys.stderr)
"""


def run_upr(cache_dir, *args: str) -> tuple[str, dict]:
    env = {**os.environ, "UPR_CACHE_DIR": str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", _RUN, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.stdout.strip(), done.stderr
    counts = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, counts


def run_smart_check(cache_dir) -> tuple[str, dict]:
    dev = shared_file("smart", "indicators-dev.csv")
    return run_upr(cache_dir, "smart", "check", str(dev), "--from", "2016", "--to", "2020", "--format", "json")


def cache_file(cache_dir, name="regex"):
    files = list(cache_dir.glob(f"{name}-*.marshal"))
    assert len(files) == 1, files
    return files[0]


def test_a_second_run_compiles_nothing_and_judges_the_same(tmp_path):
    first, first_counts = run_smart_check(tmp_path)
    assert first_counts["hits"] == 0 and first_counts["misses"] > 100
    second, second_counts = run_smart_check(tmp_path)
    assert second == first
    assert second_counts["hits"] == first_counts["misses"] and second_counts["misses"] == 0
    stores = first_counts["stores"]
    assert set(stores) == {"regex", "prefixes", "catalogues"}
    assert stores["prefixes"]["misses"] > 100 and stores["catalogues"]["misses"] == 1  # English: French is not read
    for name, counts in stores.items():
        assert counts["hits"] == 0, name
        assert second_counts["stores"][name] == {"hits": counts["misses"], "misses": 0}, name

    key, entries = marshal.loads(cache_file(tmp_path).read_bytes())
    assert key == cached_re.STORE.key
    assert len(entries) == first_counts["misses"]
    for (pattern, flags), entry in entries.items():
        assert cached_re._sre.compile(pattern, *entry) == re.compile(pattern, flags), pattern


def test_validating_a_filled_workbook_again_rebuilds_nothing(tmp_path):
    from example_rows import EXECUTIONS, PRETRIAL, TORTURE_LAW, make_example_workshop

    from addin.demo import fill_matrix
    from addin.reader import open_workbook

    plan = make_example_workshop(tmp_path / "workshop") / "groups" / "Justice - Implementation plan.xlsx"
    ids = [str(r["id"]) for r in open_workbook(plan).recommendations]
    fill_matrix(plan, list(zip(ids, [TORTURE_LAW, EXECUTIONS, PRETRIAL])), kind="implementation_plan")
    first, first_counts = run_upr(tmp_path / "cache", "validate", str(plan), "--format", "json")
    second, second_counts = run_upr(tmp_path / "cache", "validate", str(plan), "--format", "json")
    assert json.loads(second) == json.loads(first) and json.loads(first)["stats"]["findings"] > 0
    assert first_counts["misses"] > 100
    assert second_counts == {"hits": first_counts["misses"], "misses": 0,
                             "stores": {name: {"hits": counts["misses"], "misses": 0}
                                        for name, counts in first_counts["stores"].items()}}


@pytest.mark.parametrize("content", [b"not a cache", "foreign", "wrong code"])
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(tmp_path, content):
    reference, counts = run_smart_check(tmp_path / "clean")
    path = tmp_path / "used" / cache_file(tmp_path / "clean").name
    path.parent.mkdir()
    key, entries = marshal.loads(cache_file(tmp_path / "clean").read_bytes())
    if content == "foreign":  # another Python's file: every entry would be read wrongly here
        content = marshal.dumps((("3.99.0", 0, 4, 1), entries))
    elif content == "wrong code":  # the right key, but code _sre refuses
        content = marshal.dumps((key, {k: (e[0], [255, 255, 255], *e[2:]) for k, e in entries.items()}))
    path.write_bytes(content)

    output, used_counts = run_smart_check(tmp_path / "used")
    assert output == reference
    assert (used_counts["hits"], used_counts["misses"]) == (0, counts["misses"])
    assert marshal.loads(path.read_bytes()) == (key, entries)


def test_beginnings_worked_out_by_another_version_of_the_code_are_not_used(tmp_path):
    reference, counts = run_smart_check(tmp_path)
    path = cache_file(tmp_path, "prefixes")
    key, entries = marshal.loads(path.read_bytes())
    # The same patterns, their beginnings made wrong, under a key whose source stamp differs: as after an edit.
    path.write_bytes(marshal.dumps(((*key[:-1], key[-1] + 1), {pattern: frozenset() for pattern in entries})))
    output, used_counts = run_smart_check(tmp_path)
    assert output == reference
    assert used_counts["stores"]["prefixes"] == {"hits": 0, "misses": counts["stores"]["prefixes"]["misses"]}


def test_no_cache_folder_still_works(tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    output, counts = run_smart_check(blocked)
    reference, _ = run_smart_check(tmp_path / "clean")
    assert output == reference and counts["hits"] == 0


@pytest.mark.parametrize("call", [
    ("search", (r"(?<!\w)r(\w+)s(?!\w)", "the rights of women")),
    ("match", (r"\s*(\d+)", "  42 cases")),
    ("fullmatch", (r"\d{4}", "2016")),
    ("sub", (r"\s+", " ", "a  b \t c")),
    ("split", (r"[;,]", "a;b,c")),
    ("findall", (r"[a-z]+", "Ratify OPCAT by 2019")),
])
def test_the_functions_answer_as_re_does(call):
    name, args = call
    ours, theirs = getattr(cached_re, name)(*args), getattr(re, name)(*args)
    if isinstance(theirs, re.Match):
        assert ours.span() == theirs.span() and ours.groups() == theirs.groups()
    else:
        assert ours == theirs
    assert [m.span() for m in cached_re.finditer(r"\d+", "1 22 333")] == [(0, 1), (2, 4), (5, 8)]
    assert cached_re.compile(r"x", re.I).flags == re.compile(r"x", re.I).flags
