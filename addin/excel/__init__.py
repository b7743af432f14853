"""The Excel layer: one thin function per ribbon button, over an `xw.Book`.

Desktop Excel reaches these through RunPython (macros/), Excel on the web and on Mac through
xlwings Server (addin/server); both call the same functions. Only this package and the
server import xlwings.
"""

from .buttons import clear_flags, merge_groups, new_workshop, refresh_list, show_master_sheets, validate

__all__ = ["clear_flags", "merge_groups", "new_workshop", "refresh_list", "show_master_sheets", "validate"]
