#!/usr/bin/env bash
# End-to-end cold-process timings of the CLI with /usr/bin/time -v: wall time and peak RSS, medians of RUNS runs.
#
#   bench/measure-cli.sh                 # small file, 20-file folder, 10k and 100k corpora, RUNS=5
#   SIZES="10k" RUNS=3 bench/measure-cli.sh
#   CLI="java -jar cli/target/istio-lint.jar" bench/measure-cli.sh
#   SKIP_TLS_100k=only bench/measure-cli.sh   # on 100k, run without the TLS rules (see the script)
#   RUNS_100k=1 bench/measure-cli.sh          # fewer runs for one corpus
#
# Each corpus also gets its baseline: a cold JVM (dev.istiolint.bench.ParseOnly) that reads the same files and only
# parses them into YAML events, on every core. The CLI and its baseline run interleaved, round by round, so that both
# see the same machine, and the ratio is printed under them. The retained heap per resource after loading is measured
# by dev.istiolint.bench.RetainedHeap. Results: bench/results/cli-<UTC timestamp>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZES=${SIZES:-"10k 100k"}
JAR=bench/target/benchmarks.jar
CORPUS=bench/corpus

[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }

if [[ ! -f $JAR || -n ${REBUILD:-} ]]; then
  mvn -B -o -q -Pbench package -DskipTests
fi

# The CLI: $CLI, else the launcher script at the top of the repository, else the runnable jar of the cli module.
if [[ -z ${CLI:-} ]]; then
  if [[ -x ./istio-lint ]]; then
    CLI=./istio-lint
  else
    cli_jar=$(ls cli/target/istio-lint*.jar 2>/dev/null | grep -v -e sources -e javadoc -e original | head -1 || true)
    [[ -n $cli_jar ]] || { echo "no CLI found: build it (mvn -B -o -q package -DskipTests) or set CLI" >&2; exit 2; }
    CLI="java -jar $cli_jar"
  fi
fi

gen() { # gen DIR ARGS...: generate once
  local dir=$1; shift
  [[ -f $dir/corpus.properties ]] || java -cp "$JAR" dev.istiolint.bench.MeshGenerator --out "$dir" "$@" >/dev/null
}
gen "$CORPUS/small" --namespaces 1 --services 2
gen "$CORPUS/20files" --namespaces 19 --services 3
for s in $SIZES; do gen "$CORPUS/$s" --resources "$s"; done

# once CMD...: one cold run; prints "wall-seconds peak-RSS-MiB cpu-seconds exit-code"
once() {
  local t code=0
  t=$(mktemp)
  /usr/bin/time -v -o "$t" "$@" >/dev/null 2>"$t.err" || code=$?
  local w r c
  w=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$t")
  r=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$t")
  c=$(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.2f", s}' "$t")
  rm -f "$t" "$t.err"
  echo "$w $r $c $code"
}

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# row NAME RESULTS: one table row from the lines of once (medians of wall, RSS and CPU)
row() {
  local name=$1 results=$2
  local mw mr mc codes walls
  mw=$(awk 'NF{print $1}' <<<"$results" | median)
  mr=$(awk 'NF{print $2}' <<<"$results" | median)
  mc=$(awk 'NF{print $3}' <<<"$results" | median)
  codes=$(awk 'NF{print $4}' <<<"$results" | sort -u | paste -sd, -)
  walls=$(awk 'NF{printf "%s ", $1}' <<<"$results")
  printf '%-40s %9.2f %10s %9.2f   (exit %s; walls: %s)\n' "$name" "$mw" "$mr" "$mc" "$codes" "${walls% }"
}

# interleaved RUNS LABEL1 CMD1 LABEL2 CMD2 ...: RUNS rounds, each running every command once in turn, so that every
# command sees the same state of the machine (a shared machine drifts by 10-20% within minutes); prints one row per
# command, then each other command's ratio to each baseline (a label with "baseline"): the ratio of the medians and
# the median of the ratios of the runs of one round
interleaved() {
  local runs=$1; shift
  local labels=() cmds=() i r
  while (($#)); do labels+=("$1"); cmds+=("$2"); shift 2; done
  local results=()
  for ((i = 0; i < ${#cmds[@]}; i++)); do results+=(""); done
  for ((r = 0; r < runs; r++)); do
    for ((i = 0; i < ${#cmds[@]}; i++)); do
      results[i]+="$(eval "once ${cmds[i]}")"$'\n'
    done
  done
  for ((i = 0; i < ${#cmds[@]}; i++)); do row "${labels[i]}" "${results[i]}"; done
  local b
  for ((b = 0; b < ${#cmds[@]}; b++)); do
    [[ ${labels[b]} == *baseline* ]] || continue
    for ((i = 0; i < ${#cmds[@]}; i++)); do
      [[ ${labels[i]} != *baseline* ]] || continue
      local of_medians per_round
      of_medians=$(awk -v a="$(awk 'NF{print $1}' <<<"${results[i]}" | median)" \
        -v b="$(awk 'NF{print $1}' <<<"${results[b]}" | median)" 'BEGIN{printf "%.2f", a/b}')
      per_round=$(paste <(awk 'NF{print $1}' <<<"${results[i]}") <(awk 'NF{print $1}' <<<"${results[b]}") |
        awk '{printf "%.3f\n", $1/$2}' | median)
      printf '  %s / %s: %s (ratio of medians), %.2f (median of the %d rounds)\n' \
        "${labels[i]}" "${labels[b]#*: }" "$of_medians" "$per_round" "$runs"
    done
  done
}

# the launcher builds its jar and class-data-sharing archive on first use: do that before timing anything
$CLI check --format json "$CORPUS/small/ns-0001.yaml" >/dev/null 2>&1 || true
$CLI check --format json "$CORPUS/small/ns-0001.yaml" >/dev/null 2>&1 || true

# The parse-only baseline runs twice: with the JDK's defaults (C2, G1), as any Java program would, and with the
# launcher's choices for a short cold process ($TUNED: C1 only, the serial collector), which make it much faster
TUNED="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# VARIANT="-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseParallelGC": also time the big corpora with these JVM
# options appended (the launcher reads ISTIO_LINT_JAVA_OPTS), e.g. to compare its C1 + serial GC defaults with C2
VARIANT=${VARIANT-}

mkdir -p bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=bench/results/cli-$STAMP.txt
{
  echo "CLI cold processes, $STAMP, $(nproc) cores, $(java -version 2>&1 | head -1), RUNS=$RUNS, medians"
  for s in $SIZES; do v="RUNS_$s"; [[ -n ${!v:-} ]] && echo "RUNS_$s=${!v}"; done
  echo "CLI: $CLI check --format json"
  [[ -n $VARIANT ]] && echo "VARIANT: ISTIO_LINT_JAVA_OPTS=\"$VARIANT\""
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core rules cli bench || echo ' (dirty)')"
  echo "load before: $(uptime)"
  echo
  printf '%-40s %9s %10s %9s\n' "what" "wall (s)" "RSS (MiB)" "CPU (s)"
  interleaved "$RUNS" "bare JVM (java -version)" "java -version"
  interleaved "$RUNS" "small file: istio-lint" "$CLI check --format json $CORPUS/small/ns-0001.yaml"
  interleaved "$RUNS" "20-file folder: istio-lint" "$CLI check --format json $CORPUS/20files" \
    "20-file folder: parse-only baseline" "java -cp $JAR dev.istiolint.bench.ParseOnly $CORPUS/20files" \
    "20-file folder: parse-only baseline, C1" "java $TUNED -cp $JAR dev.istiolint.bench.ParseOnly $CORPUS/20files"
  for s in $SIZES; do
    runs_var="RUNS_$s"
    args=()
    # SKIP_TLS_<size>=1: on that corpus, also (or with SKIP_TLS_<size>=only, only) run without the TLS rules, that is
    # without the effective-TLS matrix
    var="SKIP_TLS_$s"
    if [[ ${!var:-} != only ]]; then
      args+=("$s: istio-lint" "$CLI check --format json $CORPUS/$s")
      [[ -n $VARIANT ]] && args+=("$s: istio-lint, VARIANT" "ISTIO_LINT_JAVA_OPTS='$VARIANT' $CLI check --format json $CORPUS/$s")
    fi
    if [[ -n ${!var:-} ]]; then
      tls_ids=$($CLI rules 2>/dev/null | awk '$1 ~ /^TLS[0-9]+$/ {print $1}' | paste -sd, -)
      args+=("$s: istio-lint without TLS rules" "$CLI check --format json --ignore $tls_ids $CORPUS/$s")
      [[ -n $VARIANT ]] && args+=("$s: without TLS rules, VARIANT" \
        "ISTIO_LINT_JAVA_OPTS='$VARIANT' $CLI check --format json --ignore $tls_ids $CORPUS/$s")
    fi
    args+=("$s: parse-only baseline" "java -cp $JAR dev.istiolint.bench.ParseOnly $CORPUS/$s")
    args+=("$s: parse-only baseline, C1" "java $TUNED -cp $JAR dev.istiolint.bench.ParseOnly $CORPUS/$s")
    interleaved "${!runs_var:-$RUNS}" "${args[@]}"
  done
  echo
  for s in $SIZES; do
    echo "$s retained heap: $(java -Xmx4g -cp "$JAR" dev.istiolint.bench.RetainedHeap "$CORPUS/$s")"
  done
  echo "load after: $(uptime)"
} | tee "$OUT"
