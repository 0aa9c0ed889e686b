#!/usr/bin/env bash
# Startup benchmark (README, Benchmarks, "Startup"): launches the app N times and reports, per run and as
# median / min / max, the time from launching java to the first 200 answer of GET / (curl polling every 20 ms),
# the time Spring itself reports ("Started TrafficLabApplication in X seconds"), and the CPU time (user + system, all
# threads) the JVM had used when it logged that line and when the first page came: on a busy machine the wall times
# grow with the load, the CPU times much less. Each run also says when the "Started" line was logged (its own
# timestamp, from launch) and any poll that took over a second: Tomcat takes connections before Spring logs
# "Started", so the first page often comes first; its CPU at Started is then unknown ("-"), not the first page's.
#
#   bench/startup.sh [-n RUNS] [-l LABEL] [--] COMMAND...      (default: 5 runs of java -jar target/traffic-lab-*.jar)
#
# Each run gets a free loopback port through SERVER_PORT and SERVER_ADDRESS, so COMMAND needs no port argument.
# The 1-minute load average is printed with every run: the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
label=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    -l) label="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [[ $# -eq 0 ]]; then
  jar=$(ls target/traffic-lab-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)
  [[ -n "$jar" ]] || { echo "No target/traffic-lab-*.jar: run ./mvnw -B -q -o -DskipTests package first" >&2; exit 1; }
  set -- java -jar "$jar"
fi
[[ -n "$label" ]] || label="$*"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
load1() { cut -d' ' -f1 /proc/loadavg; }
# CPU time (user + system, all threads) the process has used so far: less sensitive to a busy machine than wall time.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"; }
# Time the process's live threads were runnable but waiting for a CPU (2nd field of each thread's schedstat, ns): a
# slow run with little CPU and little waiting was blocked (disk, a lock, the network), not starved by the load.
cpu_wait_ms() { cat "/proc/$1"/task/*/schedstat 2>/dev/null | awk '{ s += $2 } END { print int(s / 1000000) }'; }

log=$(mktemp /tmp/startup-bench.XXXXXX.log)
pid=""
stop_app() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}
trap 'stop_app; rm -f "$log"' EXIT

firsts=()
springs=()
cpus=()
cpus_started=()
echo "startup: $label ($runs runs)"
for ((i = 1; i <= runs; i++)); do
  port=$(free_port)
  load_before=$(load1)
  start=$(now_ms)
  SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 "$@" >"$log" 2>&1 &
  pid=$!
  first=""
  cpu_started=""
  slow=""
  while kill -0 "$pid" 2>/dev/null; do
    if [[ -z "$cpu_started" ]] && grep -q 'Started [A-Za-z]* in' "$log"; then
      cpu_started=$(cpu_ms "$pid")
    fi
    poll_start=$(now_ms)
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_connect}' --max-time 5 "http://127.0.0.1:$port/" || true)
    # A poll that takes long is reported with the run: it delays the figure, the app may not be at fault
    if (( $(now_ms) - poll_start > 1000 )); then
      slow+=" poll at $(( poll_start - start )) ms took $(( $(now_ms) - poll_start )) ms (HTTP ${answer% *}, connected after ${answer#* } s);"
    fi
    if [[ "${answer% *}" == 200 ]]; then
      first=$(( $(now_ms) - start ))
      cpu=$(cpu_ms "$pid")
      waited=$(cpu_wait_ms "$pid")
      break
    fi
    (( $(now_ms) - start < 300000 )) || break
    sleep 0.02
  done
  started_line=$(grep -m 1 'Started [A-Za-z]* in [0-9.]* seconds' "$log" || true)
  spring=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' <<<"$started_line" | grep -o '[0-9.]* seconds' | cut -d' ' -f1 || true)
  # When Spring logged it (the line's own ISO-8601 timestamp), from launch
  logged_at=$(grep -o '^[0-9-]*T[0-9:.]*Z' <<<"$started_line" || true)
  started_at=""
  [[ -z "$logged_at" ]] || started_at=$(( $(date -d "$logged_at" +%s%3N) - start ))
  stop_app
  if [[ -z "$first" ]]; then
    echo "run $i: no 200 from GET / (last lines of the app's log below)" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  printf 'run %d: first page %5d ms   Spring "Started in" %s s, logged at %s ms   CPU at Started %5s ms, at first page %5d ms (waited for a CPU %d ms)   load %s%s\n' \
    "$i" "$first" "${spring:-?}" "${started_at:-?}" "${cpu_started:--}" "$cpu" "$waited" "$load_before" "${slow:+   slow:$slow}"
  firsts+=("$first")
  cpus+=("$cpu")
  [[ -z "$cpu_started" ]] || cpus_started+=("$cpu_started")
  springs+=("${spring:-0}")
  sleep 1
done

python3 - "${firsts[*]}" "${springs[*]}" "$(load1)" "${cpus[*]}" "${cpus_started[*]}" <<'EOF'
import statistics, sys
firsts = [int(x) for x in sys.argv[1].split()]
springs = [float(x) for x in sys.argv[2].split()]
cpus = [int(x) for x in sys.argv[4].split()]
cpus_started = [int(x) for x in sys.argv[5].split()]  # only the runs whose "Started" line came before the first page
print(f"first page (java launched -> first 200 of GET /): median {statistics.median(firsts) / 1000:.2f} s, "
      f"min {min(firsts) / 1000:.2f} s, max {max(firsts) / 1000:.2f} s")
print(f"Spring \"Started ... in\": median {statistics.median(springs):.2f} s, "
      f"min {min(springs):.2f} s, max {max(springs):.2f} s")
if cpus_started:
    print(f"CPU used until Started ({len(cpus_started)} runs logged it before the first page): "
          f"median {statistics.median(cpus_started) / 1000:.2f} s, "
          f"min {min(cpus_started) / 1000:.2f} s, max {max(cpus_started) / 1000:.2f} s")
print(f"CPU used until the first page: median {statistics.median(cpus) / 1000:.2f} s, "
      f"min {min(cpus) / 1000:.2f} s, max {max(cpus) / 1000:.2f} s; load average at the end {sys.argv[3]}")
EOF
