@echo off
rem Runs Scaling Lab on Windows: builds target\scaling-lab.jar when it is missing, then runs it.
setlocal
set HERE=%~dp0
if not exist "%HERE%target\scaling-lab.jar" (
  echo Building Scaling Lab ^(first run^)... 1>&2
  pushd "%HERE%" && call mvnw.cmd -q -B -DskipTests package -Dtf.native.classifier=windows-x86_64 -Djavafx.platform=win && popd
)
java %SCALING_LAB_JAVA_OPTS% -jar "%HERE%target\scaling-lab.jar" %*
