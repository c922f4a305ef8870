#!/usr/bin/env bash
# B0 at 224 px, batch 1, CPU: Scaling Lab (bench-model: forward and Grad-CAM; predict --bench: forward on a real
# photo) beside PyTorch's torchvision efficientnet_b0, interleaved round by round so a busy machine slows all alike.
# Run on an idle machine from the repository root:  src/test/python/bench_b0_vs_torch.sh [ROUNDS] [RUNS]
# It also times Scaling Lab with oneDNN on (the training profile) for comparison.
set -euo pipefail
rounds="${1:-3}"
runs="${2:-30}"
jar=target/scaling-lab.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
image=sample-images/china-temple.jpg
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
median() { python3 -c "import json,sys; print(round(json.load(sys.stdin)['$1'], 1))"; }
echo "round  torch-fwd  torch-cam  lab-fwd  lab-cam  lab-predict  lab-fwd-onednn  lab-cam-onednn   (median ms, $runs runs after warm-up)"
for r in $(seq 1 "$rounds"); do
  t=$(/usr/bin/python3 src/test/python/bench_torch_b0.py --threads 2 --runs "$runs" --json)
  b=$(java -jar "$jar" bench-model --model b0 --runs "$runs" --json --cache "$cache" 2>/dev/null)
  p=$(java -jar "$jar" predict --model b0 --weights random --image "$image" --bench "$runs" --json --cache-dir "$cache" 2>/dev/null)
  o=$(java -Dscalinglab.tensorflow.profile=training -jar "$jar" bench-model --model b0 --runs "$runs" --json --cache "$cache" 2>/dev/null)
  echo "$r      $(median median_ms <<<"$t")      $(median gradcam_median_ms <<<"$t")      $(median median_ms <<<"$b")     $(median gradcam_median_ms <<<"$b")     $(median median_ms <<<"$p")         $(median median_ms <<<"$o")           $(median gradcam_median_ms <<<"$o")"
done
echo "$(java -jar "$jar" --version 2>/dev/null | sed -n 2p); $(/usr/bin/python3 -c 'import torch; print("PyTorch", torch.__version__)'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
