#!/usr/bin/env bash
# The sign-on surge against its baseline, in one run on one private PostgreSQL: pgbench TPC-B with CLIENTS clients,
# then wrk posting distinct signers to one open letter over CLIENTS connections, then pgbench again (the two pgbench
# figures show how steady the machine was). Checks every 201 against the database: lost and duplicated must be 0.
#   tests/CampaignManager.Benchmarks/signon.sh                  # builds Release into a temp folder
#   APP_DIR=/path/to/release/output CLIENTS=8 DURATION=30 DURABLE=0 tests/CampaignManager.Benchmarks/signon.sh
#   TRACE=/tmp/signon.nettrace (dotnet-trace samples), PG_EXTRA="-c ..." (server settings), CONN_EXTRA=";Key=value" (Npgsql)
# Needs wrk (apt-get install -y wrk), pgbench, initdb/pg_ctl on PATH. As root, PostgreSQL runs as 'postgres'.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
CLIENTS="${CLIENTS:-8}"; DURATION="${DURATION:-30}"; WARMUP="${WARMUP:-10}"
SCALE="${SCALE:-$CLIENTS}"          # pgbench's advice: scale >= clients, or TPC-B measures lock waits on one branch row
DURABLE="${DURABLE:-1}"             # 1: fsync on, as a real server (the issue's figures); 0: fsync off, as the harness's throwaway cluster
work="$(mktemp -d /tmp/signon-bench.XXXXXX)"; chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

if [ -z "${APP_DIR:-}" ]; then
  APP_DIR="$work/app"
  dotnet build "$repo/src/CampaignManager" -c Release -o "$APP_DIR" -v q -nologo | tail -2
fi

mkdir -p "$work/pg"; [ "$(id -u)" = 0 ] && chown postgres: "$work/pg"
as_pg initdb -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
pgport="$(free_port)"
opts="-c listen_addresses=127.0.0.1 -p $pgport -c unix_socket_directories='' -c max_connections=300"
[ "$DURABLE" = 1 ] || opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ -n "${PG_EXTRA:-}" ] && opts="$opts $PG_EXTRA"
as_pg pg_ctl start -D "$work/pg" -w -l "$work/pg/server.log" -o "$opts" >/dev/null
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  as_pg pg_ctl stop -D "$work/pg" -m fast -w >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
psql_() { psql -h 127.0.0.1 -p "$pgport" -U postgres -X -q -t -A "$@"; }
psql_ -c "create database bench" -c "create database pgbench"
pgbench -h 127.0.0.1 -p "$pgport" -U postgres -i -q -s "$SCALE" pgbench 2>/dev/null

appport="$(free_port)"
token="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
( cd "$APP_DIR" && ConnectionStrings__Marten="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bench;Pooling=true;Maximum Pool Size=60${CONN_EXTRA:-}" \
  Seeds__LoadOnStart=false Auth__BootstrapToken="$token" Database__AutoCreate=All Logging__LogLevel__Default=Warning \
  exec env ${APP_ENV:-} dotnet CampaignManager.dll --urls "http://127.0.0.1:$appport" ) >"$work/app.log" 2>&1 &
app_pid=$!
api() { curl -sS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
for _ in $(seq 1 480); do api -o /dev/null -f "http://127.0.0.1:$appport/api/letters" 2>/dev/null && break; sleep 0.25; done
open_letter() {
  local id
  id="$(api -X POST "http://127.0.0.1:$appport/api/letters" -d '{"title":"Surge","subject":"S","body":"B","closing":"C"}' | jq -r .id)"
  api -f -o /dev/null -X POST "http://127.0.0.1:$appport/api/letters/$id/open" -d '{}'
  echo "$id"
}
surge() { # letter seconds run-tag
  LETTER="$1" TOKEN="$token" RUN="$3" wrk -t 2 -c "$CLIENTS" -d "${2}s" --timeout 10s -s "$here/signon.lua" "http://127.0.0.1:$appport"
}
cpu_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo "$t"; }
tpcb() { pgbench -h 127.0.0.1 -p "$pgport" -U postgres -n -c "$CLIENTS" -j 2 -T "$DURATION" pgbench 2>/dev/null \
  | awk '/latency average/ {lat=$4} /tps = .*without/ {tps=$3} END {printf "%.0f tps, latency avg %s ms\n", tps, lat}'; }

surge "$(open_letter)" "$WARMUP" warm >/dev/null   # JIT, code generation, connection pools
echo "pgbench TPC-B  -c $CLIENTS -s $SCALE  ${DURATION}s: $(tpcb | tee "$work/tps1")"
letter="$(open_letter)"
pgmaster="$(head -1 "$work/pg/postmaster.pid")"
before_app="$(cpu_ticks "$app_pid")"; before_pg="$(cpu_ticks $(pgrep -P "$pgmaster"))"
trace_pid=""   # TRACE=/tmp/x.nettrace: 15 s of dotnet-trace CPU samples from the middle of the surge
if [ -n "${TRACE:-}" ]; then
  (sleep 5; dotnet-trace collect -p "$app_pid" --duration 00:00:00:15 --profile dotnet-sampled-thread-time --format Speedscope -o "$TRACE" >"$work/trace.log" 2>&1) &
  trace_pid=$!
fi
surge "$letter" "$DURATION" run | tee "$work/wrk" | grep -E 'STATUS|LATENCY|RATE'
app_cpu=$(( $(cpu_ticks "$app_pid") - before_app )); pg_cpu=$(( $(cpu_ticks $(pgrep -P "$pgmaster")) - before_pg ))
[ -z "$trace_pid" ] || wait "$trace_pid" || { echo "dotnet-trace failed:"; cat "$work/trace.log"; }
echo "pgbench TPC-B  again           : $(tpcb | tee "$work/tps2")"

created="$(grep -o ' 201=[0-9]*' "$work/wrk" | cut -d= -f2)"; created="${created:-0}"
read -r stored distinct <<<"$(psql_ -F ' ' bench -c "select count(*), count(distinct data->>'email') from campaigns.mt_doc_signature where letter_id = '$letter'")"
rate="$(awk '/^RATE/ {print $2}' "$work/wrk")"
tps="$(awk '{s+=$1} END {print s/NR}' "$work/tps1" "$work/tps2")"
echo "acknowledged (201) $created, stored $stored, lost $(( created > stored ? created - stored : 0 )), duplicated $(( stored - distinct ))"
awk -v a="$app_cpu" -v p="$pg_cpu" -v n="$created" -v hz="$(getconf CLK_TCK)" \
  'BEGIN {printf "CPU per sign-on: app %.2f ms, PostgreSQL %.2f ms\n", a*1000/hz/n, p*1000/hz/n}'
awk -v r="$rate" -v t="$tps" 'BEGIN {printf "sign-on %.0f/s vs pgbench %.0f tps (mean of both runs) = %.2fx\n", r, t, r/t}'
