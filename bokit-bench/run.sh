#!/usr/bin/env bash
# Runs every bokit benchmark and writes one results file: bokit-bench/results/<UTC date>[-quick].txt
#
#   bokit-bench/run.sh            full run (about 12 to 15 minutes on 2 CPUs)
#   bokit-bench/run.sh --quick    short JMH runs and 200 feeds instead of 1,000 (about 4 minutes)
#   bokit-bench/run.sh --no-build skip the Maven build (reuse bokit-bench/target/benchmarks.jar)
#   bokit-bench/run.sh --page-latency-only   only the page-latency step (about 5 minutes with the build),
#                                 results in bokit-bench/results/<UTC date>-page-latency.txt
#
# Steps: build the uber-jar (mvn -B -q -pl bokit-bench -am package -DskipTests; never `install`), the JMH
# benchmarks ParseBenchmark and HookBenchmark with -prof gc, the end-to-end SyncHarness (H2 file, then embedded
# PostgreSQL), BigFeedHarness in a child JVM with -Xmx128m, and PageLatencyHarness, which starts the Spring example
# (built with mvn -B -q -pl bokit-example-spring -am package -DskipTests dependency:build-classpath) in child JVMs,
# bokit enabled and disabled side by side, and drives their page over HTTP, alternating between them.
# Network traffic stays on 127.0.0.x.
set -euo pipefail

cd "$(dirname "$0")/.."
QUICK=0
BUILD=1
ONLY_PAGE=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --page-latency-only) ONLY_PAGE=1 ;;
    *) echo "usage: $0 [--quick] [--no-build] [--page-latency-only]" >&2; exit 2 ;;
  esac
done

JAR=bokit-bench/target/benchmarks.jar
PROPS=(-Dslf4j.internal.verbosity=ERROR -Dnet.fortuna.ical4j.timezone.update.enabled=false)
mkdir -p bokit-bench/results
SUFFIX=""
if [ "$QUICK" = 1 ]; then SUFFIX="-quick"; fi
if [ "$ONLY_PAGE" = 1 ]; then SUFFIX="${SUFFIX}-page-latency"; fi
OUT="bokit-bench/results/$(date -u +%F)${SUFFIX}.txt"
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

log "bokit benchmarks, $(date -u '+%F %T') UTC$(if [ "$QUICK" = 1 ]; then echo ', quick mode'; fi)$(if [ "$ONLY_PAGE" = 1 ]; then echo ', page latency only'; fi)"
log "git: $(git rev-parse --short HEAD)$(if [ -n "$(git status --porcelain)" ]; then echo ' (uncommitted changes)'; fi)"
log "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), nproc=$(nproc)"
log "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
log "java: $(java -version 2>&1 | tr '\n' ' ')"
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
  SYNC=(--feeds 200)
  PAGE=(--rounds 1 --warmup 6 --pairs 4)
else
  JMH_PARSE=()
  JMH_HOOK=()
  SYNC=()
  PAGE=()
fi

page_latency() {
  step "page latency: the Spring example with bokit enabled and disabled, alternated (issue 9 item 2)" \
    java "${PROPS[@]}" -cp "$JAR" io.bokit.bench.PageLatencyHarness \
    --app-classpath-file bokit-bench/target/example-classpath.txt "${PAGE[@]}"
}

if [ "$ONLY_PAGE" = 1 ]; then
  page_latency
  log ""
  log "results written to $OUT"
  exit 0
fi

step "JMH: parsing (issue 3)" java -jar "$JAR" ParseBenchmark -prof gc "${JMH_PARSE[@]}"
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

log ""
log "results written to $OUT"
