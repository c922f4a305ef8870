<#
.SYNOPSIS
Builds Scaling Lab's Windows installer with jpackage: an app image and an .msi, in dist\ (git-ignored).

.DESCRIPTION
Run from any folder, on Windows 10/11 x64:
    powershell -ExecutionPolicy Bypass -File installers\build.ps1            # app image and .msi
    powershell -ExecutionPolicy Bypass -File installers\build.ps1 -Types app-image -NoBuild
Needs a JDK 17+ with jpackage, jlink and jdeps (JAVA_HOME or PATH) and, for the .msi, the WiX Toolset on the
PATH: WiX 3.x (candle.exe, light.exe) for jpackage 17-23; jpackage 24+ also takes WiX 4/5 (wix.exe).
The Maven build picks the Windows natives by itself (profile "windows": JavaFX "win", TensorFlow
"windows-x86_64"). There is no GPU flavour on Windows: TensorFlow publishes no CUDA build for it.

.PARAMETER Types
Any of app-image, msi, exe (exe also needs WiX). Default: app-image, msi.

.PARAMETER NoBuild
Package what target\ holds instead of running "mvnw clean package" first.

.PARAMETER PerUser
Make an .msi that installs for the current user only (no administrator rights needed).
#>
param(
    [ValidateSet('app-image', 'msi', 'exe')][string[]]$Types = @('app-image', 'msi'),
    [switch]$NoBuild,
    [switch]$PerUser
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

function Get-JdkTool([string]$name) {
    if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\$name.exe")) { return "$env:JAVA_HOME\bin\$name.exe" }
    $cmd = Get-Command $name -ErrorAction SilentlyContinue
    if (-not $cmd) { throw "needs a JDK 17+ with $name (set JAVA_HOME or put its bin folder on the PATH)" }
    return $cmd.Source
}
function Invoke-Tool([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$([IO.Path]::GetFileName($exe)) failed with exit code $LASTEXITCODE" }
}
$jpackage = Get-JdkTool jpackage
$jlink = Get-JdkTool jlink
$jdeps = Get-JdkTool jdeps
$jar = Get-JdkTool jar

# 1. a clean build, so nothing of another platform is left in target\
if (-not $NoBuild) {
    Write-Host '== building (mvnw clean package)'
    Invoke-Tool "$root\mvnw.cmd" @('-q', '-B', '-DskipTests', 'clean', 'package')
}
$version = (Select-String -Path target\maven-archiver\pom.properties -Pattern '^version=(.*)$').Matches[0].Groups[1].Value
$classifier = (Select-String -Path target\natives\native\lib\tensorflow.properties -Pattern '^classifier=(.*)$').Matches[0].Groups[1].Value
if ($classifier -ne 'windows-x86_64') { throw "target\ holds the $classifier natives, not windows-x86_64: build without -NoBuild" }

$name = 'Scaling Lab'
$work = 'target\jpackage'
if (Test-Path $work) { Remove-Item -Recurse -Force $work }
New-Item -ItemType Directory -Force "$work\input\natives", 'dist' | Out-Null

# 2. the app folder: the thin jar, its jars, the natives once, the assets and the sample images
Write-Host "== staging $work\input (TensorFlow $classifier)"
Copy-Item target\scaling-lab.jar "$work\input\"
Copy-Item -Recurse target\lib "$work\input\lib"
Copy-Item -Recurse target\natives\native "$work\input\natives\native"
foreach ($d in 'assets', 'sample-images') {
    Copy-Item -Recurse $d "$work\input\$d"
    Get-ChildItem -Recurse "$work\input\$d" -Include 'README.md', '*.icns' | Remove-Item
}

# 3. a lean runtime: the JDK modules the classes use (jdeps), plus the TLS elliptic curves for model downloads
Write-Host '== finding JDK modules (jdeps)'
$classes = "$root\$work\classes"
New-Item -ItemType Directory $classes | Out-Null
Push-Location $classes
# jdeps treats modular jars as modules and then wants their whole module graph; unpacked they are plain classes
foreach ($j in @("$root\$work\input\scaling-lab.jar") + (Get-ChildItem "$root\$work\input\lib\*.jar").FullName) {
    Invoke-Tool $jar @('xf', $j)
}
Pop-Location
Get-ChildItem -Recurse $classes -Filter module-info.class | Remove-Item
Remove-Item -Recurse -Force "$classes\META-INF"
$found = & $jdeps -q --ignore-missing-deps --print-module-deps $classes
if ($LASTEXITCODE -ne 0) { throw 'jdeps failed' }
$modules = (@($found)[-1]).Trim() + ',jdk.crypto.ec'
Remove-Item -Recurse -Force $classes
Write-Host "   $modules"
$jlinkVersion = (& $jlink --version | Out-String).Trim()
$compress = if ($jlinkVersion -match '^(1[7-9]|20)\.') { '--compress=2' } else { '--compress=zip-6' }
Invoke-Tool $jlink @('--add-modules', $modules, '--strip-debug', '--no-header-files', '--no-man-pages',
    '--strip-native-commands', $compress, '--output', "$work\runtime")

# 4. the app image: "Scaling Lab.exe" (the window, no console) and scaling-lab.exe (a console launcher for
#    commands: scaling-lab.exe --version). The launchers tell DJL where the natives are, so it loads them in
#    place instead of copying 600 MB into the user's profile, and tell the app where its assets are.
$common = @('--name', $name, '--app-version', $version, '--vendor', 'Scaling Lab',
    '--description', 'Explore EfficientNet compound scaling and Grad-CAM', '--copyright', 'Scaling Lab authors')
Write-Host '== app image'
if (Test-Path "dist\$name") { Remove-Item -Recurse -Force "dist\$name" }
Invoke-Tool $jpackage (@('--type', 'app-image') + $common + @('--dest', 'dist',
    '--input', "$work\input", '--main-jar', 'scaling-lab.jar', '--main-class', 'org.scalinglab.Main',
    '--runtime-image', "$work\runtime", '--icon', 'assets\icon.ico',
    '--java-options', '-DTENSORFLOW_LIBRARY_PATH=$APPDIR\natives\native\lib',
    '--java-options', '-Dscalinglab.home=$APPDIR',
    '--add-launcher', 'scaling-lab=installers\windows\console-launcher.properties'))

# 5. the installers, from that app image: Start menu and desktop shortcuts, .sclab opens in the app
foreach ($t in $Types | Where-Object { $_ -ne 'app-image' }) {
    Write-Host "== $t"
    $opts = @('--type', $t) + $common + @('--dest', 'dist', '--app-image', "dist\$name",
        '--file-associations', 'installers\windows\sclab.properties',
        '--win-menu', '--win-menu-group', 'Scaling Lab', '--win-shortcut', '--win-dir-chooser',
        '--win-upgrade-uuid', '315f2560-5eb3-4475-a93b-a19891cc7c44')
    if ($PerUser) { $opts += '--win-per-user-install' }
    Invoke-Tool $jpackage $opts
}

Write-Host '== done'
Get-ChildItem dist -File | Format-Table Name, @{ n = 'MB'; e = { [math]::Round($_.Length / 1MB, 1) } }
