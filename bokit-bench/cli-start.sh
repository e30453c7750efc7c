#!/usr/bin/env bash
# How long a short bokit-cli command takes from start to exit (issue 21): `status` on an installed H2 store in a
# temporary directory, run RUNS times (default 10) in each of three ways, interleaved so that the machine's load
# falls on all three alike, and the median, fastest and slowest wall time of each:
#
#   launcher   bokit-cli/target/bokit-cli status     (the archive and the quick flags: docs/cli.md#quick-start)
#   no-fast    the same with BOKIT_FAST_START=off    (plain java -jar, through the launcher)
#   java-jar   java -jar bokit-cli/target/bokit-cli.jar status
#
#   bokit-bench/cli-start.sh [RUNS] [COMMAND...]     e.g. bokit-bench/cli-start.sh 10 --version
#
# Run `mvn -B -q -pl bokit-cli -am package -DskipTests` first. It prints the load average before and after: on a busy
# machine the figures stretch with it. Nothing here is a pass or a fail.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
shift || true
if [ $# -eq 0 ]; then set -- status; fi
target=bokit-cli/target
if [[ ! -f $target/bokit-cli.jar || ! -x $target/bokit-cli ]]; then
  echo "cli-start: build bokit-cli first: mvn -B -q -pl bokit-cli -am package -DskipTests" >&2
  exit 1
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export BOKIT_HOME=$home
unset BOKIT_DB_URL BOKIT_DB_USER BOKIT_DB_PASSWORD BOKIT_JAVA_OPTS
"$target/bokit-cli" install >/dev/null
names=(launcher no-fast java-jar)
declare -A times
now() { date +%s%N; }
echo "cli-start: bokit-cli $*, $runs runs of each, $(date -u '+%F %T') UTC, nproc=$(nproc), $(java -version 2>&1 | head -n 1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < runs; i++)); do
  for name in "${names[@]}"; do
    started=$(now)
    case $name in
      launcher) "$target/bokit-cli" "$@" >/dev/null ;;
      no-fast) BOKIT_FAST_START=off "$target/bokit-cli" "$@" >/dev/null ;;
      java-jar) java -jar "$target/bokit-cli.jar" "$@" >/dev/null ;;
    esac
    times[$name]+="$((($(now) - started) / 1000000)) "
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${names[@]}"; do
  # shellcheck disable=SC2086 # one number a word
  printf '%s\n' ${times[$name]} | sort -n | awk -v name="$name" '
    { t[NR] = $1 }
    END {
      median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%-9s median %5d ms   fastest %5d ms   slowest %5d ms\n", name, median, t[1], t[NR]
    }'
done
