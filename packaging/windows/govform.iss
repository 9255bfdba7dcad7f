; Inno Setup script: builds the Windows installer from the PyInstaller bundle in dist\govform\.
;   iscc /DAppVersion=0.1.0 packaging\windows\govform.iss
; (`make package` prints the version; the installer needs no administrator rights.)
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\govform.iss
#endif

[Setup]
AppId={{6E2C1B0F-9A4D-4F7B-8C61-3B5A2D9E7F10}
AppName=政府信息公开年报助手
AppVersion={#AppVersion}
AppPublisher=govform
DefaultDirName={autopf}\govform
DefaultGroupName=政府信息公开年报助手
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=govform-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
UninstallDisplayIcon={app}\govform.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; GroupDescription: "附加任务："

[Files]
Source: "..\..\dist\govform\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\政府信息公开年报助手"; Filename: "{app}\govform.exe"
Name: "{group}\卸载政府信息公开年报助手"; Filename: "{uninstallexe}"
Name: "{autodesktop}\政府信息公开年报助手"; Filename: "{app}\govform.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.govform"; ValueType: string; ValueData: "govform.project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\govform.project"; ValueType: string; ValueData: "政府信息公开年报项目"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\govform.project\DefaultIcon"; ValueType: string; ValueData: "{app}\govform.exe,0"
Root: HKA; Subkey: "Software\Classes\govform.project\shell\open\command"; ValueType: string; ValueData: """{app}\govform.exe"" ""%1"""

[Run]
Filename: "{app}\govform.exe"; Description: "启动政府信息公开年报助手"; Flags: nowait postinstall skipifsilent
