; VM Image Import Wizard: the Windows installer (NSIS 3, Modern UI 2).
;
; Built by `python packaging/build.py`, which passes every value that is not fixed here:
;   VERSION     the version, read from pyproject.toml (the one place it is written)
;   VERSION4    the same as four numbers, for the version resource (0.1.0 -> 0.1.0.0)
;   PUBLISHER   pyproject's author
;   BUNDLE_DIR  the PyInstaller one-folder bundle (dist/vmdk-import-wizard)
;   GUI_EXE     the wizard's executable in it ("vmdk-import-wizard.exe"; without ".exe" when
;               this script is compiled on Linux against the Linux bundle, as a check)
;   CLI_EXE     the command line's executable ("vmdkimport.exe")
;   ICON        a .ico rendered from the SVG icon
;   OUTFILE     where the installer goes
;
; Third-party notices: the bundle's _internal\THIRD-PARTY-NOTICES.txt (written by the spec from
; packaging/notices.py: Python, Qt/PySide6, the LGPL libyal readers and the MIT libraries) is
; shown as a page before the files are installed, and installed with them; the licence texts are
; in the *.dist-info folders. Compiling fails when the bundle lacks the notices.
;
; Per user, without administrator rights: %LOCALAPPDATA%\Programs\VM Image Import Wizard, a
; Start-menu shortcut, and an uninstaller registered under HKCU (Apps & features). The user's
; ledger, settings and logs (%LOCALAPPDATA%\vmdkimport) are kept on uninstall: the ledger holds
; the import ids of conversions that may still be running.

Unicode true
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is not defined: build with python packaging/build.py (it reads pyproject.toml)"
!endif
!ifndef VERSION4
  !error "VERSION4 is not defined: build with python packaging/build.py"
!endif
!ifndef BUNDLE_DIR
  !error "BUNDLE_DIR is not defined: build with python packaging/build.py"
!endif
!ifndef ICON
  !error "ICON is not defined: build with python packaging/build.py"
!endif
!ifndef GUI_EXE
  !define GUI_EXE "vmdk-import-wizard.exe"
!endif
!ifndef CLI_EXE
  !define CLI_EXE "vmdkimport.exe"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "VM Image Import Wizard team"
!endif
!ifndef OUTFILE
  !define OUTFILE "vmdk-import-wizard-${VERSION}-setup.exe"
!endif

!define APP_NAME "VM Image Import Wizard"
!define APP_KEY "vmdk-import-wizard"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"
!define UNINSTALLER "Uninstall.exe"
!define SHORTCUT "$SMPROGRAMS\${APP_NAME}.lnk"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma
BrandingText "${APP_NAME} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunApp)"

!define NOTICES "${BUNDLE_DIR}\_internal\THIRD-PARTY-NOTICES.txt"
!if ! /FileExists "${NOTICES}"
  !error "${NOTICES} is missing: the bundle must carry the third-party notices (vmdkimport.spec)"
!endif

!insertmacro MUI_PAGE_WELCOME
; Information, not an agreement: the button is Next and nothing is to be accepted.
!define MUI_PAGE_HEADER_TEXT "$(NoticesHeader)"
!define MUI_PAGE_HEADER_SUBTEXT "$(NoticesSubtext)"
!define MUI_LICENSEPAGE_TEXT_TOP "$(NoticesTop)"
!define MUI_LICENSEPAGE_TEXT_BOTTOM "$(NoticesBottom)"
!define MUI_LICENSEPAGE_BUTTON "$(^NextBtn)"
!insertmacro MUI_PAGE_LICENSE "${NOTICES}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows in Japanese gets the Japanese pages.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString RunApp ${LANG_ENGLISH} "Start ${APP_NAME}"
LangString RunApp ${LANG_JAPANESE} "VMイメージインポートウィザードを起動する"
LangString ShortcutComment ${LANG_ENGLISH} "Take a VMware disk to a registered image in FUJITSU K5 / FJcloud-O"
LangString ShortcutComment ${LANG_JAPANESE} "VMware のディスクを FUJITSU K5 / FJcloud-O のイメージとして登録します"
LangString UserFilesKept ${LANG_ENGLISH} "Your import ledger, settings and logs in $LOCALAPPDATA\vmdkimport are kept."
LangString NoticesHeader ${LANG_ENGLISH} "Third-party software"
LangString NoticesHeader ${LANG_JAPANESE} "サードパーティ製ソフトウェア"
LangString NoticesSubtext ${LANG_ENGLISH} "The libraries that come with ${APP_NAME} and their licences."
LangString NoticesSubtext ${LANG_JAPANESE} "${APP_NAME} に同梱されるライブラリとそのライセンスです。"
LangString NoticesTop ${LANG_ENGLISH} "These notices are also installed as _internal\THIRD-PARTY-NOTICES.txt."
LangString NoticesTop ${LANG_JAPANESE} "この通知は _internal\THIRD-PARTY-NOTICES.txt としてもインストールされます。"
LangString NoticesBottom ${LANG_ENGLISH} "The LGPL libraries are separate files you may replace. Click Next to continue."
LangString NoticesBottom ${LANG_JAPANESE} "LGPL のライブラリは個別のファイルで、置き換えることができます。「次へ」をクリックして続行してください。"
LangString UserFilesKept ${LANG_JAPANESE} "インポート台帳・設定・ログ ($LOCALAPPDATA\vmdkimport) は削除されません。"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Install"
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update replaces the whole bundle: no file of the previous version stays next to the new.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "${SHORTCUT}"
  ; Only what the installer put there: $INSTDIR may have been chosen by the user.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APP_KEY}"
  DetailPrint "$(UserFilesKept)"
SectionEnd
