#!/usr/bin/env bash
# Runs the JMH pipeline benchmark (raw parse, load + decode, full lint) on the generated corpora, with JMH's
# allocation profiler, and prints the summary table of the README's Performance section.
#
#   bench/run-jmh.sh                  # 10k and 100k, 1 fork; warm-up and measured single shots per corpus below
#   bench/run-jmh.sh --smoke          # 1k only, 1 warm-up, 1 iteration: checks that everything runs
#   SIZES="1k 10k" WI=3 I=5 bench/run-jmh.sh
#   SIZES="10k 100k 200k" WI_200k=3 I_200k=5 bench/run-jmh.sh   # any size "<n>k"; growth printed per consecutive pair
#   EXCLUDE_100k='c_lint$' bench/run-jmh.sh   # skip a benchmark on one corpus (a JMH -e regex)
#   WI_100k=1 I_100k=3 bench/run-jmh.sh       # other iteration counts on one corpus
#   JVM_ARGS="-XX:+UseParallelGC" bench/run-jmh.sh   # extra options for the forked JVM (default: JDK defaults, G1)
#   ROUNDS=2 bench/run-jmh.sh                 # every corpus twice, alternating; medians over both rounds
#
# Results: bench/results/jmh-<UTC timestamp>.json (JMH's JSON) and .txt (the summary, with the load average).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10k 100k"}
# Warm means compiled: the JIT compiles for the first 60 or so 10k operations (0.3 s each; the compiler threads share
# the two cores with the benchmark) and for about 10 of 100k (seconds each), bench/results/notes-20261126-warmup.txt.
# The summary flags a benchmark whose measured shots still fell. WI/I set every corpus, WI_<size>/I_<size> one.
WI_1k=${WI_1k:-${WI:-40}}; I_1k=${I_1k:-${I:-20}}
WI_10k=${WI_10k:-${WI:-70}}; I_10k=${I_10k:-${I:-10}}
WI_100k=${WI_100k:-${WI:-10}}; I_100k=${I_100k:-${I:-8}}
FORKS=${FORKS:-1}
# ROUNDS=2: run every corpus that many times, alternating (10k, 100k, 10k, 100k), so that a drifting machine weighs on
# both sides of the growth alike; medians are then taken over the shots of all rounds
ROUNDS=${ROUNDS:-1}
PROF=${PROF:-gc}
SUMMARY_ONLY=
if [[ ${1:-} == --smoke ]]; then
  SIZES="1k"; WI_1k=1; I_1k=1
elif [[ ${1:-} == --summary ]]; then # --summary bench/results/jmh-X.json: the table again, from a finished run
  SUMMARY_ONLY=${2%.json}
fi

JAR=bench/target/benchmarks.jar
if [[ ! -f $JAR || -n ${REBUILD:-} ]]; then
  mvn -B -o -q -Pbench package -DskipTests
fi

CORPUS=bench/corpus
for s in $SIZES; do
  if [[ ! -f $CORPUS/$s/corpus.properties ]]; then
    java -cp "$JAR" dev.istiolint.bench.MeshGenerator --out "$CORPUS/$s" --resources "$s"
  fi
done

mkdir -p bench/results
if [[ -n $SUMMARY_ONLY ]]; then
  OUT=$SUMMARY_ONLY
  STAMP=${OUT##*/jmh-}
  SIZES=$(jq -r '[.[].params.corpus] | unique | .[]' "$OUT.json" | sort -V | paste -sd' ' -)
else
  STAMP=$(date -u +%Y%m%dT%H%M%SZ)
  OUT=bench/results/jmh-$STAMP
  LOAD_BEFORE=$(uptime)
  prof_args=()
  [[ -n $PROF ]] && prof_args=(-prof "$PROF")
  parts=()
  for ((round = 1; round <= ROUNDS; round++)); do
  for s in $SIZES; do
    # EXCLUDE_<size>: a regex of benchmarks not to run on that corpus (JMH -e)
    var="EXCLUDE_$s"
    exclude_args=()
    [[ -n ${!var:-} ]] && exclude_args=(-e "${!var}")
    # WI_<size>, I_<size>: other iteration counts for one corpus
    wi_var="WI_$s"; i_var="I_$s"
    java -jar "$JAR" PipelineBenchmark -f "$FORKS" -wi "${!wi_var:-5}" -i "${!i_var:-10}" -p corpus="$s" "${prof_args[@]}" \
      "${exclude_args[@]}" -jvmArgsAppend "-Distiolint.bench.corpus=$CORPUS${JVM_ARGS:+ $JVM_ARGS}" -rf json \
      -rff "$OUT-$s-$round.json" >> "$OUT.log"
    parts+=("$OUT-$s-$round.json")
  done
  done
  jq -s add "${parts[@]}" > "$OUT.json"
  rm -f "${parts[@]}"
  LOAD_AFTER=$(uptime)
fi

# Medians over the shots of every round (JMH's own median when there is one round), the mean allocation per operation,
# and the collector's pauses per shot (JMH's gc.time is their sum over the measured shots), for BENCHMARK and CORPUS
select_jq='.[] | select(.benchmark|endswith("."+$b)) | select(.params.corpus==$s)'
median_jq='def median: sort | if length == 0 then empty elif length % 2 == 1 then .[length / 2 | floor]
  else (.[length / 2 - 1] + .[length / 2]) / 2 end;'
med() {
  jq -r --arg b "$1" --arg s "$2" "$median_jq [$select_jq | .primaryMetric.rawData[][]] | median" "$OUT.json"
}
alloc() {
  jq -r --arg b "$1" --arg s "$2" "[$select_jq | .secondaryMetrics[\"gc.alloc.rate.norm\"].score // empty]
    | if length == 0 then empty else add / length end" "$OUT.json"
}
pause() {
  jq -r --arg b "$1" --arg s "$2" "[$select_jq] | if length == 0 then empty
    else (map(.secondaryMetrics[\"gc.time\"].score // 0) | add) / (map(.measurementIterations * .forks) | add) end" "$OUT.json"
}

# The median of the first and of the second half of each fork's measured shots, as "first second", for BENCHMARK and
# CORPUS: a second half clearly faster means the operation was still getting faster (not yet warm)
halves() {
  jq -r --arg b "$1" --arg s "$2" "$median_jq [$select_jq | .primaryMetric.rawData[]] as \$forks
    | ([\$forks[] | .[0:(length / 2 | floor)]] | flatten | median) as \$first
    | ([\$forks[] | .[(length - (length / 2 | floor)):]] | flatten | median) as \$second
    | \"\\(\$first) \\(\$second)\"" "$OUT.json"
}

# Each fork's median shot, with the collector's pauses per shot and its collections over the measured shots, as
# "median (pauses, collections)" per fork, for BENCHMARK and CORPUS: the forks of one run can differ by a fifth on
# 100k, and this shows how much of that is the collector
forks() {
  jq -r --arg b "$1" --arg s "$2" "$median_jq [$select_jq
    | [.primaryMetric.rawData, (.secondaryMetrics[\"gc.time\"].rawData // []), (.secondaryMetrics[\"gc.count\"].rawData // [])]
    | transpose[] | select(.[0] != null)
    | \"\\(.[0] | median | round)\" + (if .[1] == null then \"\"
      else \" (\\(.[1] | add / length | round), \\(.[2] | add | round))\" end)] | join(\" \")" "$OUT.json"
}

resources_of() { grep '^resources=' "$CORPUS/$1/corpus.properties" | cut -d= -f2; }

# The growth from corpus $1 to corpus $2: of each stage, of each stage over the baseline's own growth in the same run,
# and of the collector's pauses per shot
growth_between() {
  local from=$1 to=$2 b x1 x2 growth="" relative="" pauses="" a1 a2 gc1 gc2
  echo
  echo "$from -> $to: $(awk -v x="$(resources_of "$from")" -v y="$(resources_of "$to")" 'BEGIN{printf "x%.2f", y/x}') the resources"
  for b in a_rawParse a_rawParseParallel b_loadDecode b_loadValidateDecode c_lint c_lintOneThread c_lintWithoutTls; do
    x1=$(med "$b" "$from"); x2=$(med "$b" "$to")
    if [[ -n $x1 && -n $x2 ]]; then
      growth+=" $b x$(awk -v x="$x2" -v y="$x1" 'BEGIN{printf "%.2f", x/y}');"
    else
      growth+=" $b not measured on both;"
    fi
  done
  echo "growth $from -> $to (median time):$growth"
  # against the baseline's own growth in the same run: a machine that drifts between the corpora moves both alike
  a1=$(med a_rawParse "$from"); a2=$(med a_rawParse "$to")
  if [[ -n $a1 && -n $a2 ]]; then
    for b in b_loadValidateDecode c_lint c_lintOneThread c_lintWithoutTls; do
      x1=$(med "$b" "$from"); x2=$(med "$b" "$to")
      if [[ -n $x1 && -n $x2 ]]; then
        relative+=" $b x$(awk -v x="$x1" -v y="$x2" -v a="$a1" -v b="$a2" 'BEGIN{printf "%.2f", (y/x)/(b/a)}');"
      fi
    done
    echo "the same over the growth of a_rawParse in this run (1.00: grows like the parse):$relative"
  fi
  # the collector's share: JMH's gc.time is the sum over the measured shots; per shot, and the growth without it
  if [[ $PROF == gc ]]; then
    for b in c_lint c_lintOneThread c_lintWithoutTls; do
      gc1=$(pause "$b" "$from"); gc2=$(pause "$b" "$to"); x1=$(med "$b" "$from"); x2=$(med "$b" "$to")
      if [[ -n $gc1 && -n $gc2 && -n $x1 && -n $x2 ]]; then
        pauses+=" $b $(awk -v a="$gc1" -v b="$gc2" -v x="$x1" -v y="$x2" \
          'BEGIN{printf "%.0f -> %.0f ms (x%.2f without)", a, b, (y-b)/(x-a)}');"
      fi
    done
    echo "collector pauses per shot, $from -> $to (gc.time), and the growth without them:$pauses"
  fi
}

{
  echo "JMH PipelineBenchmark, $STAMP, $(nproc) cores, $(java -version 2>&1 | head -1)"
  if [[ -z $SUMMARY_ONLY ]]; then
    echo "forks=$FORKS, rounds=$ROUNDS (single shots; medians in ms), profiler=${PROF:-none}, JVM_ARGS=${JVM_ARGS:-none}"
    for s in $SIZES; do
      wi_var="WI_$s"; i_var="I_$s"; ex_var="EXCLUDE_$s"
      echo "$s: warmup=${!wi_var:-5} measured=${!i_var:-10} excluded=${!ex_var:-none}"
    done
    echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core rules bench || echo ' (dirty)')"
    echo "load before: $LOAD_BEFORE"
    echo "load after:  $LOAD_AFTER"
  fi
  echo
  printf '%-6s %9s %10s %10s %10s %10s %10s %6s %10s %6s %10s %10s %10s\n' corpus resources "a_raw" "a_raw2T" "b_load" "b_load+val" "c_lint" "c/a" "c_1T" "c1T/a" "c_noTLS" "a B/res" "c B/res"
  for s in $SIZES; do
    res=$(resources_of "$s")
    a=$(med a_rawParse "$s"); ap=$(med a_rawParseParallel "$s"); b=$(med b_loadDecode "$s")
    bv=$(med b_loadValidateDecode "$s"); c=$(med c_lint "$s"); c1=$(med c_lintOneThread "$s"); cn=$(med c_lintWithoutTls "$s")
    fmt() { [[ -n $1 && $1 != null ]] && printf '%.1f' "$1" || echo "-"; }
    ratio() { [[ -n $1 && $1 != null ]] && awk -v c="$1" -v a="$2" 'BEGIN{printf "%.2f", c/a}' || echo "-"; }
    perres() { local x; x=$(alloc "$1" "$s"); [[ -n $x ]] && awk -v x="$x" -v r="$res" 'BEGIN{printf "%.0f", x/r}' || echo "-"; }
    printf '%-6s %9s %10s %10s %10s %10s %10s %6s %10s %6s %10s %10s %10s\n' "$s" "$res" "$(fmt "$a")" "$(fmt "$ap")" "$(fmt "$b")" "$(fmt "$bv")" "$(fmt "$c")" "$(ratio "$c" "$a")" "$(fmt "$c1")" "$(ratio "$c1" "$a")" "$(fmt "$cn")" "$(perres a_rawParse)" "$(perres c_lint)"
  done
  # still warming up? the second half of each fork's measured shots clearly faster (median) than the first half
  warm=""; cold=""
  for s in $SIZES; do
    for b in a_rawParse c_lint; do
      h=$(halves "$b" "$s")
      [[ -z $h ]] && continue
      line=$(awk -v f="${h% *}" -v t="${h#* }" -v n="$b $s" 'BEGIN{printf " %s %.0f -> %.0f ms (%+.1f%%);", n, f, t, 100*(t-f)/f}')
      warm+=$line
      awk -v f="${h% *}" -v t="${h#* }" 'BEGIN{exit !(t < 0.95 * f)}' && cold+=" $b $s;"
    done
  done
  if [[ -n $warm ]]; then
    echo
    echo "measured shots, first half -> second half of each fork (medians):$warm"
    [[ -n $cold ]] && echo "more than 5% faster in the second half (still warming up, or noise: compare the forks):$cold"
  fi
  # with several forks: each fork apart, the baseline and (c) with and without the TLS matrix
  if [[ $(jq '[.[].forks] | max' "$OUT.json") -gt 1 ]]; then
    echo
    echo "each fork: median shot in ms$([[ $PROF == gc ]] && echo ' (collector pauses per shot in ms, collections)'):"
    for s in $SIZES; do
      for b in a_rawParse c_lint c_lintWithoutTls; do
        f=$(forks "$b" "$s")
        [[ -n $f ]] && echo "  $s $b: $f"
      done
    done
  fi
  # growth between each pair of consecutive corpora (10k -> 100k is the issue's; a larger one shows what follows)
  prev=""
  for s in $SIZES; do
    if [[ -n $prev ]]; then
      growth_between "$prev" "$s"
    fi
    prev=$s
  done
} | if [[ -n $SUMMARY_ONLY ]]; then cat; else tee "$OUT.txt"; fi
