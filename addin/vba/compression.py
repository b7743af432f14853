"""MS-OVBA 2.4.1 compression: the run-length/LZ77 format of VBA source and the dir stream.

A CompressedContainer is a 0x01 signature byte and one chunk per 4096 decompressed bytes.
Each chunk is a 2-byte header and token sequences (a flag byte, then eight literal bytes or
2-byte copy tokens that point back into the same chunk).
"""

from __future__ import annotations

CHUNK_SIZE = 4096
_MIN_MATCH = 3
# Candidates tried per position: enough for source text, bounded for runs of one character.
_MAX_CANDIDATES = 64


def copy_token_layout(position: int) -> tuple[int, int]:
    """(offset bit count, maximum match length) at `position` bytes into a chunk (2.4.1.3.19.1)."""
    bit_count = max((position - 1).bit_length(), 4)
    return bit_count, (0xFFFF >> bit_count) + _MIN_MATCH


def compress(data: bytes) -> bytes:
    """A CompressedContainer holding `data`."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK_SIZE):
        out += _compress_chunk(bytes(data[start:start + CHUNK_SIZE]))
    return bytes(out)


def _compress_chunk(chunk: bytes) -> bytes:
    body = _tokens(chunk)
    if len(body) > CHUNK_SIZE:
        if len(chunk) < CHUNK_SIZE:
            # A raw chunk always holds 4096 bytes; padding would add NULs to the text.
            raise ValueError("a final chunk of incompressible bytes cannot be stored")
        return (0x3000 | (CHUNK_SIZE - 1)).to_bytes(2, "little") + chunk
    header = 0x8000 | 0x3000 | (len(body) + 2 - 3)
    return header.to_bytes(2, "little") + body


def _tokens(chunk: bytes) -> bytes:
    body = bytearray()
    seen: dict[bytes, list[int]] = {}
    position = 0
    while position < len(chunk):
        flag_at = len(body)
        body.append(0)
        for bit in range(8):
            if position >= len(chunk):
                break
            offset, length = _longest_match(chunk, position, seen)
            if length >= _MIN_MATCH:
                bit_count, _ = copy_token_layout(position)
                token = ((offset - 1) << (16 - bit_count)) | (length - _MIN_MATCH)
                body += token.to_bytes(2, "little")
                body[flag_at] |= 1 << bit
                advance = length
            else:
                body.append(chunk[position])
                advance = 1
            for start in range(position, position + advance):
                key = chunk[start:start + _MIN_MATCH]
                if len(key) == _MIN_MATCH:
                    seen.setdefault(key, []).append(start)
            position += advance
    return bytes(body)


def _longest_match(chunk: bytes, position: int, seen: dict[bytes, list[int]]) -> tuple[int, int]:
    """(offset back, length) of the longest earlier match; matches may overlap the position."""
    candidates = seen.get(chunk[position:position + _MIN_MATCH])
    if not candidates:
        return 0, 0
    _, maximum = copy_token_layout(position)
    limit = min(maximum, len(chunk) - position)
    best_start, best_length = 0, 0
    for start in reversed(candidates[-_MAX_CANDIDATES:]):
        length = _MIN_MATCH
        while length < limit and chunk[start + length] == chunk[position + length]:
            length += 1
        if length > best_length:
            best_start, best_length = start, length
            if length == limit:
                break
    return position - best_start, best_length
