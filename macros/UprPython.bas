Attribute VB_Name = "UprPython"
' Text from VBA to Python. A path may hold quotes, apostrophes, backslashes or any letter, and
' RunPython passes its command through cmd.exe (Windows) or AppleScript (macOS), so the text
' travels as hex digits of its UTF-16 code units. Plain VBA: LibreOffice Basic runs it too.
Option Explicit

' A Python expression whose value is `text`, e.g. "bytes.fromhex('4100').decode('utf-16-le')".
Public Function PythonString(ByVal text As String) As String
    Dim i As Long, unit As Long, digits As String
    For i = 1 To Len(text)
        unit = AscW(Mid$(text, i, 1)) And &HFFFF&
        digits = digits & Right$("0" & Hex$(unit And &HFF&), 2) & Right$("0" & Hex$(unit \ &H100&), 2)
    Next i
    PythonString = "bytes.fromhex('" & digits & "').decode('utf-16-le')"
End Function
