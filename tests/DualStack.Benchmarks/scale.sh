#!/usr/bin/env bash
# Whole-process figures of dslint at scale and at start-up, each side by side with its baseline in the same run:
#   - the manifest corpus x30 (10,470 files, 89 MB) and eight 8.9 MB files: `dslint lint FOLDER` against a bare
#     YamlDotNet YamlStream parse of the same files on all cores (DualStack.Benchmarks bare-parse);
#   - one small manifest: `dslint lint FILE` against `dslint --version`.
# Wall and CPU time (user + sys) are medians of RUNS alternating runs; peak memory is the maximum resident set size
# (GNU time %M). The load average is printed with the table: on a shared machine, compare the ratios, not the times.
# Inputs are generated into a temporary folder from shared/corpus/manifests (skipped when it is absent).
# Usage: tests/DualStack.Benchmarks/scale.sh [RUNS] [STARTUP_RUNS]     (apt-get install time, for /usr/bin/time)
set -euo pipefail
runs=${1:-5}
startup_runs=${2:-20}
repo=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
dotnet build -c Release "$repo/src/DualStack.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$repo/tests/DualStack.Benchmarks" -v q -nologo >/dev/null
dslint="$repo/src/DualStack.Cli/bin/Release/net8.0/dslint"
bench="$repo/tests/DualStack.Benchmarks/bin/Release/net10.0/DualStack.Benchmarks.dll"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! dotnet "$bench" make-copies "$work/corpus-x30" 30; then
  echo "skipped: shared/corpus/manifests not found (set DSLINT_CORPUS)"
  exit 0
fi
dotnet "$bench" make-large "$work/large-8x8.9MB" 8 8.9
mkdir -p "$work/small"
printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n' > "$work/small/svc.yaml"

# run LABEL COMMAND...: one run; appends "wall_ms peak_kb cpu_ms" to $work/LABEL
run() {
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  # GNU time puts "Command exited with non-zero status N" first when the command fails (dslint does when it finds
  # something), so the figures are on the last line.
  echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$work/rss" | awk '{printf "%d %d", $1, ($2 + $3) * 1000}')" >> "$work/$label"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# compare NAME RUNS A_LABEL A_COMMAND B_LABEL B_COMMAND: alternating runs after one warm-up of each
compare() {
  local name=$1 n=$2 a=$3 acmd=$4 b=$5 bcmd=$6
  rm -f "$work/$a" "$work/$b"
  run warmup $acmd; run warmup $bcmd
  for _ in $(seq "$n"); do run "$a" $acmd; run "$b" $bcmd; done
  local aw bw am bm ac bc
  aw=$(cut -d' ' -f1 "$work/$a" | median); bw=$(cut -d' ' -f1 "$work/$b" | median)
  am=$(cut -d' ' -f2 "$work/$a" | sort -n | tail -1); bm=$(cut -d' ' -f2 "$work/$b" | sort -n | tail -1)
  ac=$(cut -d' ' -f3 "$work/$a" | median); bc=$(cut -d' ' -f3 "$work/$b" | median)
  printf '| %s | %s: %s ms, CPU %s ms, %s MiB | %s: %s ms, CPU %s ms, %s MiB | %.2f | %.2f | %.2f |\n' "$name" "$a" "$aw" "$ac" $((am / 1024)) "$b" "$bw" "$bc" $((bm / 1024)) \
    "$(echo "$aw / $bw" | bc -l)" "$(echo "$ac / $bc" | bc -l)" "$(echo "$am / $bm" | bc -l)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "| input | dslint (median wall, CPU, peak RSS) | baseline (median wall, CPU, peak RSS) | wall ratio | CPU ratio | memory ratio |"
echo "|---|---|---|---:|---:|---:|"
compare "corpus x30, $(find "$work/corpus-x30" -type f | wc -l) files, $(du -sm "$work/corpus-x30" | cut -f1) MB" "$runs" \
  lint "$dslint lint --quiet --format json $work/corpus-x30" parse "dotnet $bench bare-parse $work/corpus-x30"
compare "eight 8.9 MB files" "$runs" \
  lint "$dslint lint --quiet --format json $work/large-8x8.9MB" parse "dotnet $bench bare-parse $work/large-8x8.9MB"
compare "one small manifest" "$startup_runs" \
  lint "$dslint lint --quiet $work/small/svc.yaml" version "$dslint --version"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
