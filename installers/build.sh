#!/usr/bin/env bash
# Builds Scaling Lab's installers with jpackage, for the OS this runs on (jpackage cannot cross-build):
#   Linux: an app image, a .deb and an .rpm (the .rpm only where rpmbuild exists); macOS: an app image and a .dmg.
# Windows: installers/build.ps1.
#
# Usage: installers/build.sh [--gpu] [--no-build] [TYPE...]
#   TYPE      app-image, deb, rpm (Linux) or app-image, dmg, pkg (macOS); default: all of that OS's
#   --gpu     the CUDA build of TensorFlow (Linux only; Maven profile gpu), packaged as scaling-lab-gpu
#   --no-build  package what target/ holds (it must be a build of the same flavour)
# Output: dist/ (git-ignored). Needs a JDK 17+ with jpackage, jlink and jdeps (JAVA_HOME or PATH);
# Linux: fakeroot and dpkg-deb for the .deb, rpmbuild for the .rpm.
set -euo pipefail

# all in one function, so bash has read the whole script before it runs any of it (safe to edit meanwhile)
main() {
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

gpu=false build=true types=()
for a in "$@"; do
  case "$a" in
    --gpu) gpu=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option $a (try --help)" >&2; exit 2 ;;
    *) types+=("$a") ;;
  esac
done

os="$(uname -s)"
case "$os" in
  Linux)
    valid="app-image deb rpm"
    if [ ${#types[@]} -eq 0 ]; then
      types=(app-image deb)
      if command -v rpmbuild >/dev/null; then types+=(rpm); else echo "note: no rpmbuild, skipping the .rpm" >&2; fi
    fi
    ;;
  Darwin)
    valid="app-image dmg pkg"
    [ ${#types[@]} -eq 0 ] && types=(app-image dmg)
    if $gpu; then echo "error: the GPU flavour is Linux only (TensorFlow publishes no CUDA build for macOS)" >&2; exit 2; fi
    ;;
  *) echo "error: on Windows run installers\\build.ps1 (this script covers Linux and macOS)" >&2; exit 2 ;;
esac
for t in "${types[@]}"; do
  case " $valid " in *" $t "*) ;; *) echo "error: type $t is not one of: $valid" >&2; exit 2 ;; esac
done

jdk_bin() { if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; else command -v "$1"; fi; }
jpackage="$(jdk_bin jpackage)" jlink="$(jdk_bin jlink)" jdeps="$(jdk_bin jdeps)"
[ -n "$jpackage" ] && [ -n "$jlink" ] && [ -n "$jdeps" ] || { echo "error: needs a JDK 17+ with jpackage, jlink and jdeps" >&2; exit 2; }

# 1. the build: a clean one, so no jar or native of another platform or flavour is left in target/
if $build; then
  profile=()
  $gpu && profile=(-Pgpu)
  echo "== building (mvnw clean package ${profile[*]+${profile[*]}})"
  ./mvnw -q -B -DskipTests ${profile[@]+"${profile[@]}"} clean package
fi
version="$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)"
classifier="$(sed -n 's/^classifier=//p' target/natives/native/lib/tensorflow.properties)"
if $gpu && [ "$classifier" != linux-x86_64-gpu ]; then echo "error: target/ holds a $classifier build, not the GPU one" >&2; exit 2; fi
if ! $gpu && [ "${classifier%-gpu}" != "$classifier" ]; then echo "error: target/ holds the GPU build; rebuild or pass --gpu" >&2; exit 2; fi

name=scaling-lab
title="Scaling Lab"
$gpu && { name=scaling-lab-gpu; title="Scaling Lab (GPU)"; }
pkg_version="$version"
if [ "$os" = Darwin ]; then
  name="Scaling Lab"
  # macOS bundles need a first version number above 0 (CFBundleVersion); --version still says the jar's version
  case "$version" in 0.*) pkg_version="1.${version#0.}"; echo "note: macOS package version $pkg_version for $version" >&2 ;; esac
fi
work="target/jpackage"
rm -rf "$work"
mkdir -p "$work/input" dist

# 2. the app folder: the thin jar, its jars, the natives once, the assets and the sample images
echo "== staging $work/input (TensorFlow $classifier)"
cp target/scaling-lab.jar "$work/input/"
cp -r target/lib "$work/input/lib"
mkdir -p "$work/input/natives"
cp -r target/natives/native "$work/input/natives/"
for d in assets sample-images; do
  mkdir -p "$work/input/$d"
  (cd "$d" && tar cf - --exclude README.md --exclude '*.ico' --exclude '*.icns' .) | (cd "$work/input/$d" && tar xf -)
done

# 3. a lean runtime: the JDK modules the classes use (jdeps), plus the TLS elliptic curves for model downloads
echo "== finding JDK modules (jdeps)"
classes="$work/classes"
mkdir -p "$classes"
for j in "$work/input/scaling-lab.jar" "$work/input"/lib/*.jar; do
  # jdeps treats modular jars as modules and then wants their whole module graph; unpacked they are plain classes
  (cd "$classes" && jar xf "$root/$j")
done
find "$classes" -name module-info.class -delete
rm -rf "$classes/META-INF"
modules="$("$jdeps" -q --ignore-missing-deps --print-module-deps "$classes"),jdk.crypto.ec"
rm -rf "$classes"
echo "   $modules"
jlink_opts=(--strip-debug --no-header-files --no-man-pages --strip-native-commands)
# --compress=2 (zip) is deprecated from JDK 21 on, where --compress=zip-6 is its name
if "$jlink" --version | grep -qE '^(1[7-9]|20)\.'; then jlink_opts+=(--compress=2); else jlink_opts+=(--compress=zip-6); fi
"$jlink" --add-modules "$modules" "${jlink_opts[@]}" --output "$work/runtime"

# 4. the app image; the launcher tells DJL where the natives are, so it loads them in place instead of
#    copying 600 MB into ~/.djl.ai, and tells the app where its assets are
common=(--name "$name" --app-version "$pkg_version" --vendor "Scaling Lab"
        --description "Explore EfficientNet compound scaling and Grad-CAM"
        --copyright "Scaling Lab authors")
# macOS keeps the file type and the bundle id in the app's Info.plist, so they go into the app image there
mac_opts=()
if [ "$os" = Darwin ]; then
  icon=assets/icon.icns
  mac_opts=(--file-associations installers/macos/sclab.properties
            --mac-package-identifier org.scalinglab.app --mac-package-name "Scaling Lab")
else
  icon=assets/icon.png
fi
echo "== app image"
rm -rf "dist/$name" "dist/$name.app"
"$jpackage" --type app-image "${common[@]}" --dest dist ${mac_opts[@]+"${mac_opts[@]}"} \
  --input "$work/input" --main-jar scaling-lab.jar --main-class org.scalinglab.Main \
  --runtime-image "$work/runtime" --icon "$icon" \
  --java-options '-DTENSORFLOW_LIBRARY_PATH=$APPDIR/natives/native/lib' \
  --java-options '-Dscalinglab.home=$APPDIR'
if [ "$os" = Darwin ]; then image="dist/$name.app"; else image="dist/$name"; fi

# 5. the installers, from that app image
for t in "${types[@]}"; do
  [ "$t" = app-image ] && continue
  echo "== $t"
  if [ "$os" = Linux ]; then
    res="$work/resources-$t"
    mkdir -p "$res"
    # jpackage's own templates with our additions: the menu entry's name and a %f for file associations,
    # and a command on the PATH (/usr/bin/NAME) made by the .deb's maintainer scripts
    sed -e "s/@TITLE@/$title/" installers/linux/launcher.desktop > "$res/$name.desktop"
    if [ "$t" = deb ]; then
      sed -e "s/@NAME@/$name/g" installers/linux/postinst > "$res/postinst"
      sed -e "s/@NAME@/$name/g" installers/linux/prerm > "$res/prerm"
      deps="libgtk-3-0 | libgtk-3-0t64, libgl1" category=science
    else
      deps="gtk3, mesa-libGL" category="Applications/Engineering"
    fi
    "$jpackage" --type "$t" "${common[@]}" --dest dist --app-image "$image" \
      --resource-dir "$res" --file-associations installers/linux/sclab.properties \
      --linux-package-name "$name" --linux-shortcut --linux-menu-group "Education;Science;" \
      --linux-app-category "$category" --linux-package-deps "$deps" \
      --linux-deb-maintainer "scaling-lab@users.noreply.invalid"
  else
    "$jpackage" --type "$t" "${common[@]}" --dest dist --app-image "$image" ${mac_opts[@]+"${mac_opts[@]}"}
  fi
done

echo "== done"
for p in "$image" "$work/runtime"; do du -sh "$p"; done  # one du each: du counts a folder inside another once
ls -l dist/ | grep -vE '^total|^d'
}

main "$@"; exit
