Attribute VB_Name = "UprRibbon"
' The "UPR Matrix" ribbon tab (customUI.xml): one callback per button. Each hands the work to
' Python (addin.excel) through xlwings' RunPython; only the file and folder pickers run here,
' because only Excel can show them. Paths reach Python through PythonString (UprPython).
Option Explicit

Private Const LIST_FILTER As String = "Recommendation lists (*.xlsx;*.xlsm;*.xls;*.ods;*.csv),*.xlsx;*.xlsm;*.xls;*.ods;*.csv"
Private Const EXPORT_FILTER As String = "Recommendation exports (*.xlsx;*.xlsm;*.xls;*.ods;*.csv;*.tsv;*.txt),*.xlsx;*.xlsm;*.xls;*.ods;*.csv;*.tsv;*.txt"

Public Sub OnValidate(control As IRibbonControl)
    RunPython "import addin.excel as upr; upr.validate()"
End Sub

Public Sub OnClearFlags(control As IRibbonControl)
    RunPython "import addin.excel as upr; upr.clear_flags()"
End Sub

Public Sub OnMergeGroups(control As IRibbonControl)
    Dim folder As String
    folder = PickFolder("UPR Matrix: folder of the group workbooks to merge")
    If folder = "" Then Exit Sub
    RunPython "import addin.excel as upr; upr.merge_groups(" & PythonString(folder) & ")"
End Sub

Public Sub OnRefreshList(control As IRibbonControl)
    Dim listPath As String
    listPath = PickFile("UPR Matrix: the newer recommendation list", LIST_FILTER)
    If listPath = "" Then Exit Sub
    RunPython "import addin.excel as upr; upr.refresh_list(" & PythonString(listPath) & ")"
End Sub

Public Sub OnNewWorkshop(control As IRibbonControl)
    Dim exportPath As String, outdir As String
    exportPath = PickFile("UPR Matrix: the recommendation export", EXPORT_FILTER)
    If exportPath = "" Then Exit Sub
    outdir = PickFolder("UPR Matrix: folder for the group workbooks")
    If outdir = "" Then Exit Sub
    RunPython "import addin.excel as upr; upr.new_workshop(" & PythonString(exportPath) & ", " & PythonString(outdir) & ")"
End Sub

' "" when the user cancels.
Private Function PickFile(title As String, fileFilter As String) As String
    Dim chosen As Variant
#If Mac Then
    ' Mac Excel takes no Windows-style filter here: every file is offered.
    chosen = Application.GetOpenFilename(, , title)
#Else
    chosen = Application.GetOpenFilename(fileFilter, 1, title)
#End If
    If VarType(chosen) = vbString Then PickFile = chosen
End Function

' "" when the user cancels.
Private Function PickFolder(title As String) As String
#If Mac Then
    ' Mac Excel has no folder dialog in VBA; AppleScript's "choose folder" may be refused by the
    ' sandbox, and then the path is asked for as text.
    On Error Resume Next
    PickFolder = MacScript("POSIX path of (choose folder with prompt """ & title & """)")
    If Err.Number <> 0 Then
        Err.Clear
        PickFolder = InputBox("Paste the full path of the folder:", title)
    End If
    On Error GoTo 0
#Else
    With Application.FileDialog(msoFileDialogFolderPicker)
        .Title = title
        .AllowMultiSelect = False
        If .Show = -1 Then PickFolder = .SelectedItems(1)
    End With
#End If
End Function
