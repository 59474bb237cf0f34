#!/usr/bin/env bash
# End-to-end load test of the JT/T 808 gateway and its durable position storage.
#
# Starts redwheel-server (demo profile, embedded PostgreSQL, no simulated trucks, trucks 1..N registered)
# in a work directory, waits until it is up, runs the load harness against it, prints the harness's summary
# and stops the server again, checking that no PostgreSQL is left behind. Builds nothing: build first with
#   ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
#   ./mvnw -q -B -o -pl redwheel-server -am package -DskipTests
# See benchmarks/README.md for the options and what the figures mean.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: benchmarks/load-test.sh [options] [-- harness options]

  --terminals K        terminals (trucks first..first+K-1) (100)
  --rate R             positions per second over all terminals (500)
  --duration T         measurement window (20s)
  --ramp-up D          connect the terminals over this time (default: 10s, or K/500 s if longer)
  --batch N            N fixes per 0x0704 instead of one 0x0200 per fix (1)
  --speeding P         P % of the trucks drive 110 km/h for 60 s of every 180 s of fix time: one overspeed
                       episode and one 0x8300 reminder each cycle, whose latency the summary reports (0)
  --first I            first truck (1)
  --version Y          2011 | 2013 | 2019 (2013)
  --workdir DIR        the server's directory (database under DIR/data); reuse one to skip seeding
                       the terminals again (default: a new temporary directory, deleted afterwards)
  --server-pid PID     use a server that is already running (same ports) instead of starting one;
                       it is not stopped afterwards
  --server-heap SIZE   -Xmx of the server (2g)
  --server-arg ARG     one more argument for the server, e.g. --server-arg
                       --redwheel.gateway.max-batch-delay=2ms (repeatable; experiments only)
  --jfr FILE           record the server with JFR during the window and print where its CPU went
  --quiet-wait SECS    wait at most this long for others' Maven builds and test runs (surefire) to
                       end, before starting and again before the window (1800)
  --gateway-port P / --http-port P / --db-port P    (7611 / 18080 / 55432)

Environment: SERVER_JAR (redwheel-server/target/redwheel-server.jar), HARNESS_JAR (benchmarks/target/benchmarks.jar).
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVER_JAR=${SERVER_JAR:-$ROOT/redwheel-server/target/redwheel-server.jar}
HARNESS_JAR=${HARNESS_JAR:-$ROOT/benchmarks/target/benchmarks.jar}

TERMINALS=100
RATE=500
DURATION=20s
RAMP_UP=
BATCH=1
SPEEDING=0
FIRST=1
VERSION=2013
WORKDIR=
SERVER_PID=
SERVER_HEAP=2g
JFR=
QUIET_WAIT=1800
GATEWAY_PORT=7611
HTTP_PORT=18080
DB_PORT=55432
EXTRA=()
SERVER_ARGS=()

while [[ $# -gt 0 ]]; do
    case $1 in
        --terminals) TERMINALS=$2; shift 2 ;;
        --rate) RATE=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --ramp-up) RAMP_UP=$2; shift 2 ;;
        --batch) BATCH=$2; shift 2 ;;
        --speeding) SPEEDING=$2; shift 2 ;;
        --first) FIRST=$2; shift 2 ;;
        --version) VERSION=$2; shift 2 ;;
        --workdir) WORKDIR=$2; shift 2 ;;
        --server-pid) SERVER_PID=$2; shift 2 ;;
        --server-heap) SERVER_HEAP=$2; shift 2 ;;
        --server-arg) SERVER_ARGS+=("$2"); shift 2 ;;
        --jfr) JFR=$2; shift 2 ;;
        --quiet-wait) QUIET_WAIT=$2; shift 2 ;;
        --gateway-port) GATEWAY_PORT=$2; shift 2 ;;
        --http-port) HTTP_PORT=$2; shift 2 ;;
        --db-port) DB_PORT=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        --) shift; EXTRA=("$@"); break ;;
        *) echo "load-test: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

if [[ -z $RAMP_UP ]]; then
    RAMP_UP=$(( TERMINALS / 500 > 10 ? TERMINALS / 500 : 10 ))s
fi
[[ -f $HARNESS_JAR ]] || { echo "load-test: no $HARNESS_JAR; build the benchmarks module first" >&2; exit 2; }

# 10,000 terminals are 10,000 sockets in the server and as many in the harness.
if ! ulimit -n 65536 2>/dev/null; then
    ulimit -n "$(ulimit -Hn)"
    echo "load-test: cannot raise the open-files limit to 65536 (hard limit $(ulimit -Hn)); using $(ulimit -n)"
fi

# Another engineer's Maven build or test run competes for the same cores: wait until none has been
# seen for 20 s (at most --quiet-wait seconds), and say so.
busy() { pgrep -f 'surefire|plexus-classworlds' >/dev/null; }
waited=0
quiet=0
while (( quiet < 20 )); do
    if busy; then
        if (( waited == 0 )); then
            echo "load-test: a Maven build or test run is going:"
            pgrep -af 'surefire|plexus-classworlds' | grep -v ' /bin/sh ' | cut -c1-160 | sed 's/^/  /'
            echo "load-test: waiting until it has ended (at most ${QUIET_WAIT}s)"
        fi
        quiet=0
    else
        quiet=$(( quiet + 5 ))
        (( waited == 0 )) && break
    fi
    if (( waited >= QUIET_WAIT )); then
        echo "load-test: still busy after ${QUIET_WAIT}s; going ahead, the figures will be lower"
        break
    fi
    sleep 5
    waited=$(( waited + 5 ))
done
(( waited > 0 )) && echo "load-test: waited ${waited}s for other builds"

STARTED=
TEMP_WORKDIR=
cleanup() {
    local status=$?
    if [[ -n $STARTED ]]; then
        echo "load-test: stopping the server (pid $SERVER_PID)"
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "load-test: the server did not stop in 60 s; killing it"
            kill -KILL "$SERVER_PID" 2>/dev/null || true
            sleep 1
        fi
        local data="$WORKDIR/data/pg"
        if pgrep -f "postgres -D $data" >/dev/null; then
            echo "load-test: PostgreSQL left behind:"
            pgrep -af "postgres -D $data" | sed 's/^/  /'
            local pg
            pg=$(head -1 "$data/postmaster.pid" 2>/dev/null || true)
            if [[ -n $pg ]]; then
                kill -TERM "$pg" 2>/dev/null || true
                for _ in $(seq 1 30); do
                    kill -0 "$pg" 2>/dev/null || break
                    sleep 1
                done
            fi
        fi
        if pgrep -f "postgres -D $data" >/dev/null; then
            echo "load-test: WARNING: PostgreSQL still running on $data"
            status=1
        else
            echo "load-test: server stopped, no PostgreSQL left behind on $data"
        fi
        if [[ -n $TEMP_WORKDIR ]]; then
            rm -rf "$TEMP_WORKDIR"
        fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z $SERVER_PID ]]; then
    [[ -f $SERVER_JAR ]] || { echo "load-test: no $SERVER_JAR; build redwheel-server first" >&2; exit 2; }
    if [[ -z $WORKDIR ]]; then
        WORKDIR=$(mktemp -d /tmp/redwheel-load.XXXXXX)
        TEMP_WORKDIR=$WORKDIR
    fi
    mkdir -p "$WORKDIR"
    WORKDIR=$(cd "$WORKDIR" && pwd)
    if ss -ltn | grep -qE ":($GATEWAY_PORT|$HTTP_PORT|$DB_PORT)\b"; then
        echo "load-test: port $GATEWAY_PORT, $HTTP_PORT or $DB_PORT is taken; is a server running? (--server-pid)" >&2
        exit 2
    fi
    # a copy, so that a rebuild during the run cannot pull the jar away from under the server
    cp "$SERVER_JAR" "$WORKDIR/redwheel-server.jar"
    REGISTERED=$(( FIRST + TERMINALS - 1 > 10000 ? FIRST + TERMINALS - 1 : 10000 ))
    echo "load-test: starting the server in $WORKDIR (log: $WORKDIR/server.log), $REGISTERED trucks registered" \
        "${SERVER_ARGS[*]+(extra: ${SERVER_ARGS[*]})}"
    (
        cd "$WORKDIR"
        exec java "-Xmx$SERVER_HEAP" -jar redwheel-server.jar \
            --spring.profiles.active=demo \
            --redwheel.demo.simulated-trucks=0 \
            --redwheel.demo.registered-trucks="$REGISTERED" \
            --redwheel.embedded-database.port="$DB_PORT" \
            --redwheel.gateway.port="$GATEWAY_PORT" \
            --server.port="$HTTP_PORT" ${SERVER_ARGS[@]+"${SERVER_ARGS[@]}"} >>server.log 2>&1
    ) &
    SERVER_PID=$!
    STARTED=yes
    echo "load-test: server pid $SERVER_PID; waiting for /actuator/health"
    for i in $(seq 1 900); do
        if curl -s "localhost:$HTTP_PORT/actuator/health" | grep -q '"UP"'; then
            break
        fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "load-test: the server exited; last lines of its log:" >&2
            tail -20 "$WORKDIR/server.log" >&2
            exit 1
        fi
        if (( i == 900 )); then
            echo "load-test: the server is not up after 15 min" >&2
            exit 1
        fi
        sleep 1
    done
    echo "load-test: server up after ${i}s"
fi

# the harness waits itself until trucks first..first+K-1 are in fleet_terminal (the demo seeds them
# after start-up); the window's JFR recording, if any, goes to $JFR
HARNESS_ARGS=(
    --port "$GATEWAY_PORT"
    --terminals "$TERMINALS"
    --first "$FIRST"
    --rate "$RATE"
    --duration "$DURATION"
    --ramp-up "$RAMP_UP"
    --batch "$BATCH"
    --speeding "$SPEEDING"
    --version "$VERSION"
    --db-url "jdbc:postgresql://127.0.0.1:$DB_PORT/redwheel"
    --server-pid "$SERVER_PID"
    --wait-quiet "${QUIET_WAIT}s"
)
if [[ -n $WORKDIR && -f $WORKDIR/data/demo-credentials.txt ]]; then
    # the window's real-time reminder latency, from the server's own histogram
    HARNESS_ARGS+=(--http-url "http://127.0.0.1:$HTTP_PORT" --credentials "$WORKDIR/data/demo-credentials.txt")
fi
if [[ -n $JFR ]]; then
    JFR=$(realpath -m "$JFR")
    rm -f "$JFR"
    HARNESS_ARGS+=(--jfr "$JFR")
fi
set +e
java -Xmx1g -cp "$HARNESS_JAR" org.redwheel.benchmarks.load.LoadHarness "${HARNESS_ARGS[@]}" ${EXTRA[@]+"${EXTRA[@]}"}
HARNESS_STATUS=$?
set -e

if busy; then
    echo "load-test: note: a Maven build or test run was going when the harness ended:"
    pgrep -af 'surefire|plexus-classworlds' | grep -v ' /bin/sh ' | cut -c1-160 | sed 's/^/  /'
fi

if [[ -n $JFR ]]; then
    for _ in $(seq 1 30); do
        [[ -s $JFR ]] && break
        sleep 1
    done
    if [[ -s $JFR ]]; then
        jfr print --events jdk.ExecutionSample "$JFR" >"$JFR.txt"
        echo
        echo "=== server CPU samples by thread (JFR jdk.ExecutionSample, $JFR) ==="
        grep -o 'sampledThread = "[^"]*' "$JFR.txt" | sed 's/sampledThread = "//; s/-[0-9]*$/-N/' \
            | sort | uniq -c | sort -rn | head -15
        echo "=== top leaf frames ==="
        awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' "$JFR.txt" \
            | sort | uniq -c | sort -rn | head -25
    else
        echo "load-test: no JFR recording in $JFR"
    fi
fi
exit "$HARNESS_STATUS"
