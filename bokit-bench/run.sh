#!/usr/bin/env bash
# Runs every bokit benchmark and writes one results file: bokit-bench/results/<UTC date>[-quick].txt
#
#   bokit-bench/run.sh            full run (about 10 to 15 minutes on 2 CPUs)
#   bokit-bench/run.sh --quick    short JMH runs and 200 feeds instead of 1,000 (about 4 minutes)
#   bokit-bench/run.sh --no-build skip the Maven build (reuse bokit-bench/target/benchmarks.jar)
#   bokit-bench/run.sh --peers    only the peers comparison: feed, JMH ParseBenchmark (bokit, ical4j, biweekly),
#                                 node-ical and ical.js, JMH ExportWriteBenchmark (bokit, ical4j, biweekly writing
#                                 10,000 events), ratios (about 8 minutes; writes <UTC date>-peers.txt so a full
#                                 run's file is left alone)
#   bokit-bench/run.sh --page-latency-only   only the page-latency step (about 5 minutes with the build),
#                                 results in bokit-bench/results/<UTC date>-page-latency.txt
#   bokit-bench/run.sh --export-http-only    only the export steps: JMH ExportBenchmark (server side) and
#                                 ExportHttpHarness (the Spring example over HTTP), results in
#                                 bokit-bench/results/<UTC date>-export-http.txt (about 4 minutes with the build)
#
# Steps: build the uber-jar (mvn -B -q -pl bokit-bench -am package -DskipTests; never `install`) and the Spring
# example, the JMH benchmark ParseBenchmark with -prof gc (bokit, ical4j CalendarBuilder, biweekly), right after it
# node-ical and ical.js (npm, run with the machine's Node.js, one process each) on the same 10,000-event feed, then
# ExportWriteBenchmark with -prof gc (bokit's export writer, ical4j's CalendarOutputter and biweekly writing the same
# 10,000 events), and the ratios of bokit to every peer and to the fastest Java and JavaScript peer (issues 9 item 5
# and 21 item 2), then HookBenchmark with -prof gc, the end-to-end SyncHarness (H2 file, then embedded PostgreSQL),
# BigFeedHarness in a child JVM with -Xmx128m, and PageLatencyHarness (the Spring example with bokit enabled and
# disabled side by side, driven over HTTP), then the export of a 5,000-booking calendar (JMH ExportBenchmark, and
# ExportHttpHarness: the Spring example over HTTP, issue 17 item 6). Network traffic stays on 127.0.0.x (npm ci reaches the registry once,
# unless bokit-bench/node/node_modules is already up to date with package-lock.json).
set -euo pipefail

cd "$(dirname "$0")/.."
QUICK=0
BUILD=1
PEERS=0
ONLY_PAGE=0
ONLY_EXPORT=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --peers) PEERS=1 ;;
    --page-latency-only) ONLY_PAGE=1 ;;
    --export-http-only) ONLY_EXPORT=1 ;;
    *) echo "usage: $0 [--quick] [--no-build] [--peers] [--page-latency-only] [--export-http-only]" >&2; exit 2 ;;
  esac
done

JAR=bokit-bench/target/benchmarks.jar
PROPS=(-Dslf4j.internal.verbosity=ERROR -Dnet.fortuna.ical4j.timezone.update.enabled=false)
mkdir -p bokit-bench/results
SUFFIX=""
if [ "$QUICK" = 1 ]; then SUFFIX="-quick"; fi
if [ "$PEERS" = 1 ]; then SUFFIX="${SUFFIX}-peers"; fi
if [ "$ONLY_PAGE" = 1 ]; then SUFFIX="${SUFFIX}-page-latency"; fi
if [ "$ONLY_EXPORT" = 1 ]; then SUFFIX="${SUFFIX}-export-http"; fi
OUT="bokit-bench/results/$(date -u +%F)${SUFFIX}.txt"
# the tree's state before this run's own results file is emptied (it may be tracked, from an earlier run that day)
GIT_STATE="$(git rev-parse --short HEAD)$(if [ -n "$(git status --porcelain)" ]; then echo ' (uncommitted changes)'; fi)"
: > "$OUT"

log() { echo "$@" | tee -a "$OUT"; }
step() {
  log ""
  log "################ $1"
  log "# $(date -u '+%F %T') UTC, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  shift
  log "\$ $*"
  local started=$SECONDS status=0
  "$@" 2>&1 | tee -a "$OUT" || status=$?
  log "# exit ${status}, $((SECONDS - started)) s, load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

log "bokit benchmarks, $(date -u '+%F %T') UTC$(if [ "$QUICK" = 1 ]; then echo ', quick mode'; fi)$(if [ "$PEERS" = 1 ]; then echo ', peers only'; fi)$(if [ "$ONLY_PAGE" = 1 ]; then echo ', page latency only'; fi)$(if [ "$ONLY_EXPORT" = 1 ]; then echo ', export only'; fi)"
log "git: ${GIT_STATE}"
log "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), nproc=$(nproc)"
log "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
log "java: $(java -version 2>&1 | tr '\n' ' ')"
log "node: $(node --version 2>&1 || echo absent)"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$BUILD" = 1 ]; then
  step "build" mvn -B -q -pl bokit-bench -am package -DskipTests
  # the Spring example for the page-latency step: its jar's dependencies as a classpath file (it is not repackaged)
  step "build the Spring example" mvn -B -q -pl bokit-example-spring -am package -DskipTests \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/bokit-bench/target/example-classpath.txt"
fi

if [ "$QUICK" = 1 ]; then
  JMH_PARSE=(-f 1 -wi 2 -i 3 -w 2s -r 2s)
  JMH_HOOK=(-f 1 -wi 2 -i 3)
  NODE_PARSE=(5 3)
  SYNC=(--feeds 200)
  PAGE=(--rounds 1 --warmup 6 --pairs 4)
  JMH_EXPORT=(-f 1 -wi 2 -i 3)
  EXPORT_HTTP=(--rounds 20 --warmup-rounds 10 --requests 200)
else
  JMH_PARSE=()
  JMH_HOOK=()
  NODE_PARSE=(20 10)
  SYNC=()
  PAGE=()
  JMH_EXPORT=()
  EXPORT_HTTP=()
fi

page_latency() {
  step "page latency: the Spring example with bokit enabled and disabled, alternated (issue 9 item 2)" \
    java "${PROPS[@]}" -cp "$JAR" io.bokit.bench.PageLatencyHarness \
    --app-classpath-file bokit-bench/target/example-classpath.txt "${PAGE[@]}"
}

export_http() {
  step "JMH: serving a 5,000-booking export, server side (issue 17 item 6)" \
    java -jar "$JAR" ExportBenchmark "${JMH_EXPORT[@]}"
  step "export over HTTP: the Spring example serving a 5,000-booking calendar (issue 17 item 6)" \
    java "${PROPS[@]}" -cp "$JAR" io.bokit.bench.ExportHttpHarness \
    --app-classpath-file bokit-bench/target/example-classpath.txt "${EXPORT_HTTP[@]}"
}

if [ "$ONLY_EXPORT" = 1 ]; then
  export_http
  log ""
  log "results written to $OUT"
  exit 0
fi

if [ "$ONLY_PAGE" = 1 ]; then
  page_latency
  log ""
  log "results written to $OUT"
  exit 0
fi

# The peers comparison (issue 9 item 5): the feed ParseBenchmark generates, written to a file for node-ical.
EVENTS=10000
FEED=bokit-bench/target/airbnb-${EVENTS}.ics
PARSE_CSV=bokit-bench/target/parse-benchmark.csv
WRITE_CSV=bokit-bench/target/export-write-benchmark.csv
step "peers: write the ${EVENTS}-event feed and install node-ical and ical.js (issues 9 item 5, 21 item 2)" bash -c \
  "java -cp '$JAR' io.bokit.bench.AirbnbFeedGenerator '$FEED' $EVENTS && ls -l '$FEED' \
   && npm ci --prefix bokit-bench/node --no-audit --no-fund --loglevel=error && node --version"

# events/s of one JMH benchmark method from a CSV (score = whole feeds or exports per second)
jmh_events() {
  awk -F, -v e="$EVENTS" -v m="\"io.bokit.bench.$2\"" '$1 == m {print $5 * e}' "$1"
}
# events/s of one JavaScript peer: the median of its machine-readable line
node_events() {
  grep "^$1 events/s:" "$OUT" | tail -n 1 | sed -E 's/.*median=([0-9.]+).*/\1/'
}

# Prints events/s of each peer and the ratios; Java figures from JMH's CSVs, JavaScript ones from the node lines.
peers_ratio() {
  local bokit ical4j biweekly nodeical icaljs write_bokit write_ical4j write_biweekly
  bokit=$(jmh_events "$PARSE_CSV" ParseBenchmark.bokit)
  ical4j=$(jmh_events "$PARSE_CSV" ParseBenchmark.ical4jCalendarBuilder)
  biweekly=$(jmh_events "$PARSE_CSV" ParseBenchmark.biweekly)
  nodeical=$(node_events node-ical)
  icaljs=$(node_events ical.js)
  write_bokit=$(jmh_events "$WRITE_CSV" ExportWriteBenchmark.bokit)
  write_ical4j=$(jmh_events "$WRITE_CSV" ExportWriteBenchmark.ical4j)
  write_biweekly=$(jmh_events "$WRITE_CSV" ExportWriteBenchmark.biweekly)
  for figure in "$bokit" "$ical4j" "$biweekly" "$nodeical" "$icaljs" "$write_bokit" "$write_ical4j" "$write_biweekly"; do
    if [ -z "$figure" ]; then
      echo "missing a figure: parse bokit=${bokit:-?} ical4j=${ical4j:-?} biweekly=${biweekly:-?}" \
        "node-ical=${nodeical:-?} ical.js=${icaljs:-?}; write bokit=${write_bokit:-?} ical4j=${write_ical4j:-?}" \
        "biweekly=${write_biweekly:-?}" >&2
      return 1
    fi
  done
  awk -v b="$bokit" -v c="$ical4j" -v w="$biweekly" -v n="$nodeical" -v j="$icaljs" \
    -v wb="$write_bokit" -v wc="$write_ical4j" -v ww="$write_biweekly" 'BEGIN {
    java = c > w ? c : w; js = n > j ? n : j
    printf "parse + map, %d events, same feed, same run:\n", '"$EVENTS"'
    printf "  bokit (JMH score x events):              %10.0f events/s\n", b
    printf "  ical4j CalendarBuilder (JMH, same run):  %10.0f events/s\n", c
    printf "  biweekly (JMH, same run):                %10.0f events/s\n", w
    printf "  node-ical (median, same run):            %10.0f events/s\n", n
    printf "  ical.js (median, same run):              %10.0f events/s\n", j
    printf "  ratio bokit / CalendarBuilder: %.1fx (issue 9 target >= 5x)\n", b / c
    printf "  ratio bokit / biweekly:        %.1fx\n", b / w
    printf "  ratio bokit / node-ical:       %.1fx (issue 9 target >= 2x)\n", b / n
    printf "  ratio bokit / ical.js:         %.1fx\n", b / j
    printf "  ratio bokit / fastest Java peer:       %.1fx (issue 21 target >= 3x)\n", b / java
    printf "  ratio bokit / fastest JavaScript peer: %.1fx (issue 21 target >= 4x)\n", b / js
    printf "export writing, %d events, same run:\n", '"$EVENTS"'
    printf "  bokit ICalWriter (JMH):                  %10.0f events/s\n", wb
    printf "  ical4j CalendarOutputter (JMH):          %10.0f events/s\n", wc
    printf "  biweekly (JMH):                          %10.0f events/s\n", ww
    printf "  ratio bokit / ical4j:   %.1fx\n", wb / wc
    printf "  ratio bokit / biweekly: %.1fx\n", wb / ww
  }'
}

step "JMH: parsing, bokit beside ical4j and biweekly (issues 3, 9 item 5, 21 item 2)" \
  java -jar "$JAR" ParseBenchmark -p events=$EVENTS -prof gc -rf csv -rff "$PARSE_CSV" "${JMH_PARSE[@]}"
step "peers: node-ical parse + map, same feed, right after JMH (issue 9 item 5)" \
  node bokit-bench/node/parse-bench.mjs "$FEED" "${NODE_PARSE[@]}" node-ical
step "peers: ical.js parse + map, same feed, same timing (issue 21 item 2)" \
  node bokit-bench/node/parse-bench.mjs "$FEED" "${NODE_PARSE[@]}" ical.js
step "JMH: writing an export of ${EVENTS} events, bokit beside ical4j and biweekly (issue 21 item 2)" \
  java -jar "$JAR" ExportWriteBenchmark -p events=$EVENTS -prof gc -rf csv -rff "$WRITE_CSV" "${JMH_PARSE[@]}"
step "peers: ratios (issues 9 item 5, 21 item 2)" peers_ratio

if [ "$PEERS" = 1 ]; then
  log ""
  log "results written to $OUT"
  exit 0
fi
step "JMH: request hook (issue 9 item 1)" java -jar "$JAR" HookBenchmark -prof gc "${JMH_HOOK[@]}"
step "end-to-end sync (issues 4 and 9 item 3)" \
  java -Xmx1g "${PROPS[@]}" -cp "$JAR" io.bokit.bench.SyncHarness "${SYNC[@]}"
step "memory: largest feed under the default 10 MiB cap, -Xmx128m (issue 9 item 4)" \
  java -Xmx128m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=bokit-bench/target "${PROPS[@]}" \
  -cp "$JAR" io.bokit.bench.BigFeedHarness
step "memory: 40,000 events (11.3 MiB) with the cap raised to 16 MiB, -Xmx128m (issue 9 item 4)" \
  java -Xmx128m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=bokit-bench/target "${PROPS[@]}" \
  -cp "$JAR" io.bokit.bench.BigFeedHarness --events 40000 --max-body-mib 16
page_latency
export_http

log ""
log "results written to $OUT"
