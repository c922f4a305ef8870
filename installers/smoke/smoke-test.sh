#!/usr/bin/env bash
# Smoke test of an installed (or unpacked) Linux package: the launcher's --version, --help, spec and exit codes,
# the TensorFlow natives loading in place with the package's own JDK module set, and the window under Xvfb
# (screenshot written for a person to look at). Usage:
#   installers/smoke/smoke-test.sh [LAUNCHER] [SCREENSHOT.png]
#   default LAUNCHER /opt/scaling-lab/bin/scaling-lab, SCREENSHOT /tmp/scaling-lab-window.png
# Needs: xvfb-run, xwininfo (x11-utils), import (ImageMagick), a JDK's java and javac for the TensorFlow probe.
set -euo pipefail
main() {
launcher="${1:-/opt/scaling-lab/bin/scaling-lab}"
shot="${2:-/tmp/scaling-lab-window.png}"
here="$(cd "$(dirname "$0")" && pwd)"
app="$(cd "$(dirname "$launcher")/../lib/app" && pwd)"
runtime="$(dirname "$app")/runtime"
fail() { echo "FAIL: $*" >&2; exit 1; }

out="$("$launcher" --version)"
echo "$out"
grep -q '^Scaling Lab ' <<<"$out" || fail "--version"
grep -q '^Logs: ' <<<"$out" || fail "--version names no log folder"
"$launcher" --help | grep -q 'spec' || fail "--help"
"$launcher" spec --model b0 | grep -q '5,330,571 total, 5,288,548 trainable' || fail "spec --model b0"
set +e; "$launcher" spec --model b9 2>/dev/null; code=$?; set -e
[ "$code" = 2 ] || fail "a bad argument exits $code, not 2"
echo "ok: --version, --help, spec --model b0, exit code 2"

# TensorFlow from the package's natives, on a JVM limited to the modules the package's runtime holds
modules="$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$runtime/release" | tr ' ' ',')"
cp="$app/scaling-lab.jar:$(ls "$app"/lib/*.jar | tr '\n' ':')"
probe="$(mktemp -d)"
javac -d "$probe" -cp "$cp" "$here/TfProbe.java"
home="$(mktemp -d)"
HOME="$home" java -Duser.home="$home" --limit-modules "$modules" \
  -DTENSORFLOW_LIBRARY_PATH="$app/natives/native/lib" -cp "$cp:$probe" TfProbe 2>&1 | grep -E '^(engine|2\*)' | tee "$probe/out"
grep -q '2.0,4.0,6.0' "$probe/out" || fail "TensorFlow did not load from $app/natives"
[ -z "$(find "$home" -name '*.so*' -print -quit)" ] || fail "natives were copied into the home folder"
rm -rf "$probe" "$home"
echo "ok: TensorFlow loads in place with modules $modules"

# the window, then the window for a scenario file
scenario="$(mktemp --suffix .sclab)"
echo '{}' > "$scenario"
for arg in "" "$scenario"; do
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    "$1" $2 >/dev/null 2>&1 & pid=$!
    for i in $(seq 1 60); do sleep 1; xwininfo -root -tree | grep -q "\"Scaling Lab\"" && break; done
    sleep 2
    xwininfo -root -tree | grep "\"Scaling Lab\"" || { kill $pid; exit 1; }
    [ -z "$2" ] && import -window root "$3"
    kill $pid' _ "$launcher" "$arg" "$shot" || fail "no window titled Scaling Lab (${arg:-no argument})"
  echo "ok: window opens (${arg:-no argument})"
done
rm -f "$scenario"
echo "screenshot: $shot"
}
main "$@"; exit
