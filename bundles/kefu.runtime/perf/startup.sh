#!/usr/bin/env bash
# Measures Kefu's start: milliseconds from `java -jar` to serving (GET /api/health and GET / both 200), then the
# heap in use 5 s later, as reported by the JVM (jcmd GC.heap_info), before and after a full GC.
# Each run starts from an empty Kefu home (first start: migrations, first admin) unless --warm is given, in which
# case every run after the first reuses the home (an ordinary restart).
#
#   bundles/kefu.runtime/perf/startup.sh [runs=5] [--warm] [-- extra JVM options]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$PWD/target/kefu.jar
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
runs=${1:-5}; shift || true
warm=false
if [ "${1:-}" = "--warm" ]; then warm=true; shift; fi
[ "${1:-}" = "--" ] && shift
jvm_opts=("$@")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
root=$(mktemp -d /tmp/kefu-perf-XXXX)
home=$root/home
used_kb() { jcmd "$1" GC.heap_info | awk '/total [0-9]+K, used [0-9]+K/ { gsub(/K,?/,""); for (i=1;i<=NF;i++) if ($i=="used") u+=$(i+1) } END { print u }'; }

printf '%-4s %12s %16s %18s\n' run serving_ms heap_used_MB heap_after_gc_MB
for run in $(seq 1 "$runs"); do
    if [ "$warm" = false ] || [ "$run" = 1 ]; then rm -rf "$home"; fi
    mkdir -p "$home"
    start=$(date +%s%N)
    (cd "$home" && exec java "${jvm_opts[@]}" -Dorg.osgi.service.http.port="$port" -jar "$jar" >console.log 2>&1) &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health" && curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
        kill -0 "$pid" 2>/dev/null || { echo "Kefu exited; see $home/console.log" >&2; exit 1; }
        sleep 0.02
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 5
    jpid=$(pgrep -f -- "-Dorg.osgi.service.http.port=$port" | head -1)
    used=$(used_kb "$jpid")
    jcmd "$jpid" GC.run >/dev/null
    after=$(used_kb "$jpid")
    printf '%-4s %12s %16.1f %18.1f\n' "$run" "$ready" "$(echo "$used/1024" | bc -l)" "$(echo "$after/1024" | bc -l)"
    kill "$jpid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$root"
