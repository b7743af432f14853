"""Draw the Office.js add-in's ribbon icons (a matrix with a tick) as PNGs, with no imaging library.

    python scripts/addin_icons.py        # writes addin/server/office/static/images/upr-{16,32,64,80}.png

The icons are committed; run this again only to change them.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "addin" / "server" / "office" / "static" / "images"
BLUE = (11, 79, 138)
WHITE = (255, 255, 255)
GREEN = (46, 160, 67)
SIZES = (16, 32, 64, 80)
SUPERSAMPLE = 4


def _inside_rounded(x: float, y: float, size: float, radius: float) -> bool:
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def _near_segment(x, y, a, b, width) -> bool:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2


def pixel(x: float, y: float) -> tuple[int, int, int, int]:
    """The colour at (x, y) of the icon drawn on a 1 x 1 square."""
    if not _inside_rounded(x, y, 1.0, 0.18):
        return (0, 0, 0, 0)
    tick = [(0.50, 0.66), (0.64, 0.80), (0.90, 0.50)]
    if _near_segment(x, y, tick[0], tick[1], 0.11) or _near_segment(x, y, tick[1], tick[2], 0.11):
        return (*GREEN, 255)
    # A three-by-three matrix of white cells, the bottom-right one left for the tick.
    for row in range(3):
        for column in range(3):
            if (row, column) in ((2, 2), (2, 1), (1, 2)):
                continue
            left, top = 0.16 + column * 0.24, 0.16 + row * 0.24
            if left <= x <= left + 0.19 and top <= y <= top + 0.19:
                return (*WHITE, 255)
    return (*BLUE, 255)


def render(size: int) -> bytes:
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])             # PNG filter: none
        for px in range(size):
            samples = [pixel((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size)
                       for i in range(n) for j in range(n)]
            alpha = sum(s[3] for s in samples)
            if alpha == 0:
                row += bytes(4)
                continue
            rgb = [round(sum(s[k] * s[3] for s in samples) / alpha) for k in range(3)]
            row += bytes([*rgb, round(alpha / len(samples))])
        rows.append(bytes(row))
    return _png(size, b"".join(rows))


def _png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)     # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = OUT / f"upr-{size}.png"
        path.write_bytes(render(size))
        print(f"Wrote {path}")


if __name__ == "__main__":
    main()
