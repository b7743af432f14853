"""A source-only VBA project (MS-OVBA 2.3): module streams, `dir`, `PROJECT` and `PROJECTwm`.

`_VBA_PROJECT` carries version 0xFFFF and no p-code, like xlwings' published add-ins: the
host compiles the source on open. Modules come from VBA export text (.bas, .cls).
"""

from __future__ import annotations

import re
import struct
import uuid
from dataclasses import dataclass
from enum import Enum

from .cfb import write_compound_file
from .compression import compress

CODEPAGE = 1252
ENCODING = "cp1252"
LCID = 0x0409
# _VBA_PROJECT: reserved 0x61CC, version 0xFFFF (no p-code to trust), reserved bytes as Excel writes them.
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")
# The Office type library: the ribbon callbacks' `control As IRibbonControl` needs it; the host
# resolves it by GUID and major version, whatever path or minor version is installed.
OFFICE_REFERENCE = ("Office", "*\\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#"
                    "C:\\Program Files\\Common Files\\Microsoft Shared\\OFFICE16\\MSO.DLL#"
                    "Microsoft Office 16.0 Object Library")
DOCUMENT_BASES = {"workbook": "0{00020819-0000-0000-C000-000000000046}",
                  "worksheet": "0{00020820-0000-0000-C000-000000000046}"}
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"
_HOST_EXTENDER = "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000"
VISIBLE = bytes([0xFF])  # ProjectVisibilityState: the project is shown in the editor
_ATTRIBUTE = re.compile(r'^Attribute\s+(VB_\w+)\s*=\s*(.*)$')


class ModuleKind(str, Enum):
    STANDARD = "standard"
    CLASS = "class"
    DOCUMENT = "document"


@dataclass(frozen=True)
class VbaModule:
    name: str
    kind: ModuleKind
    code: str  # the text of the module stream: attribute lines, then the code, CRLF line ends

    @classmethod
    def from_export(cls, text: str, document: str | None = None) -> "VbaModule":
        """A module from VBA export text: .bas is standard; .cls is a class, or the document
        module of a workbook or worksheet when `document` is "workbook" or "worksheet"."""
        lines = crlf(text).split("\r\n")
        if lines and lines[0].startswith("VERSION ") and "CLASS" in lines[0]:
            end = lines.index("END")
            kind = ModuleKind.DOCUMENT if document else ModuleKind.CLASS
            attributes, body = _split_attributes(lines[end + 1:])
            base = DOCUMENT_BASES[document] if document else CLASS_BASE
            attributes = _stored_class_attributes(kind, attributes, base)
            code = "\r\n".join([f"Attribute {key} = {value}" for key, value in attributes] + body)
        else:
            kind = ModuleKind.STANDARD
            attributes, _ = _split_attributes(lines)
            code = "\r\n".join(lines)
        name = dict(attributes).get("VB_Name", "").strip('"')
        if not name:
            raise ValueError('a VBA module needs an `Attribute VB_Name = "..."` line')
        return cls(name, kind, code)

    @classmethod
    def document(cls, name: str, base: str, body: str = "") -> "VbaModule":
        """The document module of the workbook (`base="workbook"`) or of a worksheet."""
        attributes = _stored_class_attributes(
            ModuleKind.DOCUMENT, [("VB_Name", f'"{name}"')], DOCUMENT_BASES[base])
        lines = [f"Attribute {key} = {value}" for key, value in attributes]
        return cls(name, ModuleKind.DOCUMENT, "\r\n".join(lines) + "\r\n" + crlf(body))


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def _split_attributes(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    attributes = []
    for index, line in enumerate(lines):
        match = _ATTRIBUTE.match(line)
        if not match:
            return attributes, lines[index:]
        attributes.append((match.group(1), match.group(2)))
    return attributes, []


def _stored_class_attributes(kind: ModuleKind, exported: list[tuple[str, str]],
                             base: str) -> list[tuple[str, str]]:
    """The attribute lines the host stores for a class or document module, in its order."""
    document = kind is ModuleKind.DOCUMENT
    defaults = [("VB_Name", None), ("VB_Base", f'"{base}"'), ("VB_GlobalNameSpace", "False"),
                ("VB_Creatable", "False"), ("VB_PredeclaredId", "True" if document else "False"),
                ("VB_Exposed", "True" if document else "False"), ("VB_TemplateDerived", "False"),
                ("VB_Customizable", "True" if document else "False")]
    given = dict(exported)
    stored = [(key, given.get(key, default)) for key, default in defaults]
    stored += [(key, value) for key, value in exported if key not in dict(defaults)]
    return stored


def build_vba_project(name: str, modules: list[VbaModule]) -> bytes:
    """vbaProject.bin for a project called `name` (an identifier) holding `modules`."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,30}", name):
        raise ValueError(f"{name!r} is not a VBA project name")
    names = [module.name for module in modules]
    if len({n.upper() for n in names}) != len(names):
        raise ValueError("two VBA modules share a name")
    project_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"vba-project:{name}")).upper() + "}"
    streams = {
        "PROJECT": project_stream(name, project_id, modules),
        "PROJECTwm": project_name_map(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": compress(dir_stream(name, modules)),
    }
    for module in modules:
        streams[f"VBA/{module.name}"] = compress(_encode(module.code, module.name))
    return write_compound_file(streams)


def _encode(text: str, where: str) -> bytes:
    try:
        return text.encode(ENCODING)
    except UnicodeEncodeError as exc:
        raise ValueError(f"{where}: {text[exc.start:exc.end]!r} is not in code page {CODEPAGE}; "
                         "VBA source must be Windows-1252 text") from None


def _record(record_id: int, data: bytes) -> bytes:
    return struct.pack("<HI", record_id, len(data)) + data


def _text_records(record_id: int, unicode_id: int, text: str) -> bytes:
    return _record(record_id, _encode(text, text)) + _record(unicode_id, text.encode("utf-16-le"))


def dir_stream(name: str, modules: list[VbaModule]) -> bytes:
    """The decompressed `dir` stream (2.3.4.2): project information, references, modules."""
    out = bytearray()
    out += _record(0x0001, struct.pack("<I", 1))  # SysKind: Win32; the host recompiles anyway
    out += _record(0x0002, struct.pack("<I", LCID))
    out += _record(0x0014, struct.pack("<I", LCID))
    out += _record(0x0003, struct.pack("<H", CODEPAGE))
    out += _record(0x0004, _encode(name, name))
    out += _text_records(0x0005, 0x0040, "")  # doc string
    out += _text_records(0x0006, 0x003D, "")  # help file
    out += _record(0x0007, struct.pack("<I", 0))  # help context
    out += _record(0x0008, struct.pack("<I", 0))  # lib flags
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # version: the size field says 4, 6 bytes follow
    out += _text_records(0x000C, 0x003C, "")  # conditional-compilation constants
    reference_name, libid = OFFICE_REFERENCE
    out += _text_records(0x0016, 0x003E, reference_name)
    encoded_libid = _encode(libid, reference_name)
    out += _record(0x000D, struct.pack("<I", len(encoded_libid)) + encoded_libid + bytes(6))
    out += _record(0x000F, struct.pack("<H", len(modules)))
    out += _record(0x0013, struct.pack("<H", 0xFFFF))
    for module in modules:
        encoded = _encode(module.name, module.name)
        out += _record(0x0019, encoded)
        out += _record(0x0047, module.name.encode("utf-16-le"))
        out += _text_records(0x001A, 0x0032, module.name)  # stream name
        out += _text_records(0x001C, 0x0048, "")  # doc string
        out += _record(0x0031, struct.pack("<I", 0))  # source starts at byte 0: no p-code cache
        out += _record(0x001E, struct.pack("<I", 0))
        out += _record(0x002C, struct.pack("<H", 0xFFFF))
        out += _record(0x0021 if module.kind is ModuleKind.STANDARD else 0x0022, b"")
        out += _record(0x002B, b"")
    out += _record(0x0010, b"")
    return bytes(out)


def project_stream(name: str, project_id: str, modules: list[VbaModule]) -> bytes:
    """The `PROJECT` stream (2.3.1): module list, name and unprotected, visible state."""
    lines = [f'ID="{project_id}"']
    for module in modules:
        if module.kind is ModuleKind.DOCUMENT:
            lines.append(f"Document={module.name}/&H00000000")
        elif module.kind is ModuleKind.CLASS:
            lines.append(f"Class={module.name}")
        else:
            lines.append(f"Module={module.name}")
    lines += [f'Name="{name}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"',
              f'CMG="{encrypt(project_id, bytes(4), seed=0x11)}"',  # protection state: none
              f'DPB="{encrypt(project_id, bytes(1), seed=0x22)}"',  # password: none
              f'GC="{encrypt(project_id, VISIBLE, seed=0x33)}"',
              "", "[Host Extender Info]", _HOST_EXTENDER, "", "[Workspace]"]
    lines += [f"{module.name}=0, 0, 0, 0, C" for module in modules]
    return _encode("\r\n".join(lines) + "\r\n", "PROJECT")


def project_name_map(modules: list[VbaModule]) -> bytes:
    """`PROJECTwm` (2.3.3): each module name in the code page, then in UTF-16."""
    out = bytearray()
    for module in modules:
        out += _encode(module.name, module.name) + b"\0" + module.name.encode("utf-16-le") + b"\0\0"
    return bytes(out + b"\0\0")


def encrypt(project_id: str, data: bytes, seed: int) -> str:
    """MS-OVBA 2.4.3.2 data encryption, with a fixed seed (and the seed as the ignored bytes,
    as VBA itself writes them) so builds are reproducible."""
    version = 2
    project_key = sum(project_id.encode("ascii")) & 0xFF
    out = bytearray([seed, version ^ seed, project_key ^ seed])
    unencrypted_1, encrypted_1, encrypted_2 = project_key, project_key ^ seed, version ^ seed
    ignored = bytes([seed]) * ((seed & 6) // 2)
    for byte in ignored + struct.pack("<I", len(data)) + data:
        encrypted = byte ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        out.append(encrypted)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, encrypted, byte
    return out.hex().upper()


def decrypt(text: str) -> bytes:
    """The data of an encrypted PROJECT value (the inverse of `encrypt`)."""
    raw = bytes.fromhex(text)
    seed, encrypted_2, encrypted_1 = raw[0], raw[1], raw[2]
    unencrypted_1 = encrypted_1 ^ seed
    plain = bytearray()
    for byte in raw[3:]:
        value = byte ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        plain.append(value)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, byte, value
    plain = plain[(seed & 6) // 2:]
    length = struct.unpack_from("<I", plain)[0]
    return bytes(plain[4:4 + length])
