Attribute VB_Name = "xlwings_udfs"
' The worksheet functions of addin.excel.udfs, in the form xlwings' "Import Functions"
' (ImportPythonUDFsToAddin) writes, so they work without that step; running it replaces this
' module. Windows only, like every xlwings UDF.
#Const App = "Microsoft Excel" 'Adjust when using outside of Excel
Function UPR_SMART(indicator, Optional deadline, Optional responsible_body, Optional recommendation)
        #If App = "Microsoft Excel" Then
            If TypeOf Application.Caller Is Range Then On Error GoTo failed
            UPR_SMART = XLPy.CallUDF("addin.excel.udfs", "UPR_SMART", Array(indicator, deadline, responsible_body, recommendation), ActiveWorkbook, Application.Caller)
            Exit Function
        #Else
            UPR_SMART = XLPy.CallUDF("addin.excel.udfs", "UPR_SMART", Array(indicator, deadline, responsible_body, recommendation))
            Exit Function
        #End If
failed:
        UPR_SMART = Err.Description
End Function
