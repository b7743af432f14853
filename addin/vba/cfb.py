"""A deterministic MS-CFB (compound file) writer: version 3, 512-byte sectors, 64-byte mini sectors.

Only what a vbaProject.bin needs: storages and streams given as paths ("VBA/dir"), all
timestamps and CLSIDs zero, sectors laid out in a fixed order, no byte left to chance.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_STREAM_CUTOFF = 4096
_FREE, _END_OF_CHAIN, _FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_NO_STREAM = 0xFFFFFFFF
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1
_IDS_PER_SECTOR = SECTOR // 4
_HEADER_FAT_SLOTS = 109


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, "_Entry"] = field(default_factory=dict)
    sid: int = 0
    left: int = _NO_STREAM
    right: int = _NO_STREAM
    child: int = _NO_STREAM
    color: int = _BLACK
    start: int = _END_OF_CHAIN
    size: int = 0


def write_compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding `streams`, keyed by '/'-separated paths; storages are implied."""
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        parent = root
        *storages, leaf = path.split("/")
        for name in storages:
            parent = parent.children.setdefault(name, _Entry(name, _STORAGE))
        _check_name(leaf)
        parent.children[leaf] = _Entry(leaf, _STREAM, bytes(data))
    entries = _number_entries(root)
    for entry in entries:
        if entry.children:
            entry.child = _link_tree(sorted(entry.children.values(), key=_sort_key), 0)
    return _layout(entries)


def _check_name(name: str) -> None:
    if not name or len(name) > 31 or any(ch in name for ch in "/\\:!"):
        raise ValueError(f"{name!r} is not a valid compound-file entry name")


def _sort_key(entry: _Entry) -> tuple[int, str]:
    # MS-CFB 2.6.4: shorter names first, then by upper-cased UTF-16 code units.
    return len(entry.name.encode("utf-16-le")), entry.name.upper()


def _number_entries(root: _Entry) -> list[_Entry]:
    ordered = [root]
    index = 0
    while index < len(ordered):
        ordered.extend(sorted(ordered[index].children.values(), key=_sort_key))
        index += 1
    for sid, entry in enumerate(ordered):
        entry.sid = sid
    return ordered


def _link_tree(siblings: list[_Entry], depth: int) -> int:
    """Root sid of a balanced red-black tree: black inner levels, red on the deepest level."""
    deepest = max(len(siblings).bit_length() - 1, 0)
    full_levels = (len(siblings) + 1).bit_length() - 1

    def build(items: list[_Entry], level: int) -> int:
        if not items:
            return _NO_STREAM
        middle = len(items) // 2
        node = items[middle]
        node.left = build(items[:middle], level + 1)
        node.right = build(items[middle + 1:], level + 1)
        node.color = _RED if level == deepest and level >= full_levels else _BLACK
        return node.sid

    return build(siblings, depth)


def _chain(fat: list[int], first: int, count: int) -> None:
    for offset in range(count):
        fat[first + offset] = first + offset + 1 if offset < count - 1 else _END_OF_CHAIN


def _sectors_for(size: int, unit: int) -> int:
    return -(-size // unit)


def _layout(entries: list[_Entry]) -> bytes:
    streams = [e for e in entries if e.kind == _STREAM]
    small = [e for e in streams if len(e.data) < MINI_STREAM_CUTOFF]
    large = [e for e in streams if len(e.data) >= MINI_STREAM_CUTOFF]

    mini_stream = bytearray()
    mini_fat: list[int] = []
    for entry in small:
        entry.size = len(entry.data)
        if not entry.data:
            continue
        count = _sectors_for(len(entry.data), MINI_SECTOR)
        entry.start = len(mini_fat)
        mini_fat.extend([0] * count)
        _chain(mini_fat, entry.start, count)
        mini_stream += entry.data.ljust(count * MINI_SECTOR, b"\0")

    directory_sectors = _sectors_for(len(entries) * 128, SECTOR)
    mini_fat_sectors = _sectors_for(len(mini_fat) * 4, SECTOR)
    mini_stream_sectors = _sectors_for(len(mini_stream), SECTOR)
    large_sectors = sum(_sectors_for(len(e.data), SECTOR) for e in large)
    payload = directory_sectors + mini_fat_sectors + mini_stream_sectors + large_sectors
    fat_sectors = 1
    while fat_sectors * _IDS_PER_SECTOR < payload + fat_sectors:
        fat_sectors += 1
    if fat_sectors > _HEADER_FAT_SLOTS:
        raise ValueError("compound file too large for a header-only DIFAT")

    fat = [_FREE] * (fat_sectors * _IDS_PER_SECTOR)
    for sector in range(fat_sectors):
        fat[sector] = _FAT_SECTOR
    next_sector = fat_sectors

    def allocate(count: int) -> int:
        nonlocal next_sector
        if count == 0:
            return _END_OF_CHAIN
        first = next_sector
        _chain(fat, first, count)
        next_sector += count
        return first

    first_directory = allocate(directory_sectors)
    first_mini_fat = allocate(mini_fat_sectors)
    root = entries[0]
    root.start = allocate(mini_stream_sectors)
    root.size = len(mini_stream)
    body = bytearray()
    for entry in large:
        entry.size = len(entry.data)
        entry.start = allocate(_sectors_for(len(entry.data), SECTOR))
        body += entry.data.ljust(_sectors_for(len(entry.data), SECTOR) * SECTOR, b"\0")

    out = bytearray(_header(fat_sectors, first_directory, first_mini_fat, mini_fat_sectors))
    out += b"".join(struct.pack("<I", value) for value in fat)
    directory = b"".join(_directory_entry(e) for e in entries)
    empty = _directory_entry(None)
    out += directory + empty * (directory_sectors * 4 - len(entries))
    mini_fat_ids = mini_fat + [_FREE] * (mini_fat_sectors * _IDS_PER_SECTOR - len(mini_fat))
    out += b"".join(struct.pack("<I", value) for value in mini_fat_ids)
    out += bytes(mini_stream).ljust(mini_stream_sectors * SECTOR, b"\0")
    out += body
    return bytes(out)


def _header(fat_sectors: int, first_directory: int, first_mini_fat: int, mini_fat_sectors: int) -> bytes:
    difat = list(range(fat_sectors)) + [_FREE] * (_HEADER_FAT_SLOTS - fat_sectors)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"), bytes(16), 0x003E, 0x0003, 0xFFFE, 9, 6, bytes(6),
        0, fat_sectors, first_directory, 0, MINI_STREAM_CUTOFF,
        first_mini_fat, mini_fat_sectors, _END_OF_CHAIN, 0)
    header += struct.pack(f"<{_HEADER_FAT_SLOTS}I", *difat)
    assert len(header) == SECTOR
    return header


def _directory_entry(entry: _Entry | None) -> bytes:
    if entry is None:
        return struct.pack("<64sHBBIII16sIQQIQ", bytes(64), 0, 0, 0, _NO_STREAM, _NO_STREAM,
                           _NO_STREAM, bytes(16), 0, 0, 0, 0, 0)
    name = (entry.name + "\0").encode("utf-16-le")
    start = entry.start if entry.kind != _STORAGE else 0
    return struct.pack("<64sHBBIII16sIQQIQ", name, len(name), entry.kind, entry.color,
                       entry.left, entry.right, entry.child, bytes(16), 0, 0, 0,
                       start, entry.size)
