#!/usr/bin/env bash
# The bundled study v2 (issue 19): all five models on the whole Imagenette train split, validated on the whole val
# split, one recipe; then the base again with seed 7 in STUDY_DIR/study/base-seed7 (the seed spread: `study --repeat-base 7`
# does the same in one command, but this run's copy of the app predates that option). Long (hours): it runs in the
# background, every model checkpoints after each epoch, and running this script again resumes where it stopped.
#
#   src/study/study-v2.sh start [STUDY_DIR] [DATA]   start or resume in the background (no-op while running);
#       STUDY_DIR defaults to ~/.scaling-lab/study-v2, DATA to the Imagenette that `./scaling-lab datasets --download` fetches
#   src/study/study-v2.sh status [STUDY_DIR]         running or not, and the last progress lines
#   src/study/study-v2.sh stop [STUDY_DIR]           stop cleanly (the last finished epoch is kept)
#   src/study/study-v2.sh finish [STUDY_DIR] [DATA]  once it has finished: the report again with every model's per-epoch
#       history and the charts, each model evaluated on the val split (STUDY_DIR/evaluate/KIND), and the models, report and
#       charts copied into assets/study (no checkpoints); then rerun map-quality and update the README (see there)
#
# The app is copied once into STUDY_DIR/app (the jar it was started with, and its git commit), so rebuilding the
# project while it trains neither disturbs the run nor changes its code halfway. Checkpoints stay in STUDY_DIR;
# only the finished model.h5 files and the reports go into assets/study.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
cmd="${1:-status}"
dir="${2:-$HOME/.scaling-lab/study-v2}"
data="${3:-$HOME/.scaling-lab/datasets/imagenette2-160}"   # where `datasets --download` unpacks it
epochs=30
recipe=(--epochs "$epochs" --batch 32 --lr 0.05 --warmup 1 --clip-norm 5)
pidfile="$dir/run.pid"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "$cmd" in
  start)
    if running; then echo "already running (pid $(cat "$pidfile"))"; exit 0; fi
    mkdir -p "$dir"
    if [ ! -f "$dir/app/scaling-lab.jar" ]; then
      (cd "$here" && ./mvnw -q -B -DskipTests package)
      mkdir -p "$dir/app"
      cp -r "$here/target/scaling-lab.jar" "$here/target/lib" "$here/target/natives" "$dir/app/"
      (cd "$here" && git rev-parse HEAD) > "$dir/app/COMMIT"
    fi
    nohup bash -c "
      set -e
      java -jar '$dir/app/scaling-lab.jar' study --base 0.5,0.6,160 --phi 1 --alpha 1.2 --beta 1.1 --gamma 1.15 \
           --data '$data' --out '$dir/study' --seed 42 ${recipe[*]}
      java -jar '$dir/app/scaling-lab.jar' train --width 0.5 --depth 0.6 --resolution 160 \
           --data '$data' --out '$dir/study/base-seed7' --seed 7 ${recipe[*]}
      echo 'study v2 finished'
    " >> "$dir/log.txt" 2>&1 &
    echo $! > "$pidfile"
    echo "started (pid $!); log: $dir/log.txt"
    ;;
  status)
    if running; then echo "running (pid $(cat "$pidfile"))"; else echo "not running"; fi
    [ -f "$dir/log.txt" ] && tr '\r' '\n' < "$dir/log.txt" | grep -v '^\s*$' | tail -n 5
    ;;
  stop)
    # SIGTERM (a background job ignores SIGINT): the run stops; the last finished epoch's checkpoint is kept
    if running; then pkill -TERM -f "$dir/app/scaling-lab.jar" || true; echo "stopping (resume with: $0 start $dir)"; else echo "not running"; fi
    ;;
  finish)
    if running; then echo "still running: wait for 'study v2 finished' in $dir/log.txt" >&2; exit 1; fi
    grep -q 'study v2 finished' "$dir/log.txt" || { echo "$dir/log.txt does not say 'study v2 finished' yet: start it again" >&2; exit 1; }
    (cd "$here" && ./mvnw -q -B -DskipTests package)
    app=(java -jar "$here/target/scaling-lab.jar")
    # every model is done, so this only writes report.json (histories from the checkpoints, the seed-7 base as the
    # study's repeat) and the charts again
    "${app[@]}" study --base 0.5,0.6,160 --phi 1 --alpha 1.2 --beta 1.1 --gamma 1.15 --data "$data" --out "$dir/study" --seed 42 \
        --repeat-base 7 "${recipe[@]}"
    for kind in base compound width depth resolution; do
      "${app[@]}" evaluate --model "study:$kind" --study-dir "$dir/study" --data "$data" --out "$dir/evaluate/$kind"
    done
    "${app[@]}" evaluate --model 0.5,0.6,160,10 --weights "$dir/study/base-seed7/model.h5" --data "$data" --out "$dir/evaluate/base-seed7"
    assets="$here/assets/study"
    for kind in base compound width depth resolution base-seed7; do mkdir -p "$assets/$kind"; cp "$dir/study/$kind/model.h5" "$assets/$kind/model.h5"; done
    for f in report.json study.png study.svg study-curves.png study-curves.svg; do cp "$dir/study/$f" "$assets/$f"; done
    echo "assets/study updated; the figures of each model: $dir/evaluate/*/evaluation.json"
    ;;
  *) echo "usage: $0 start|status|stop|finish [STUDY_DIR] [DATA]" >&2; exit 2 ;;
esac
