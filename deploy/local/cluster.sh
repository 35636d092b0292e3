#!/usr/bin/env bash
# A multi-process cluster on loopback, without Docker: Azurite, optionally Redis, and N silo processes.
#   deploy/local/cluster.sh up [--silos N] [--clustering redis|localhost] [--no-build] [--no-dashboard]
#   deploy/local/cluster.sh down
#   deploy/local/cluster.sh status
# `up` prints `export CLUSTER_GATEWAY=127.0.0.1:PORT` as its last line, so a client in another shell can reach it.
# Silo i (from 0) listens on 127.0.0.1 only: silo port 11111+i, gateway 30000+i, Prometheus /metrics on 9464+i and
# the Orleans Dashboard on 8080+i (`status` lists them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="$here/.run"
mkdir -p "$run"

silos=3
clustering=redis
build=1
silo_port_base=11111
gateway_port_base=30000
prometheus_port_base=9464
dashboard_port_base=8080
dashboard=true
redis_port=6379
configuration=Release

command="${1:-status}"
shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --clustering) clustering="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-dashboard) dashboard=false; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  local port="$1" what="$2" log="$3"
  for _ in $(seq 1 120); do
    if port_open "$port"; then return 0; fi
    sleep 0.5
  done
  echo "$what did not open port $port; last lines of $log:" >&2
  tail -n 30 "$log" >&2 || true
  return 1
}

start_redis() {
  if port_open "$redis_port"; then return 0; fi
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$run/redis.pid" --logfile "$run/redis.log" --dir "$run"
  wait_for_port "$redis_port" redis "$run/redis.log"
}

stop_pidfile() {
  local file="$1"
  [ -f "$file" ] || return 0
  local pid
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

up() {
  if [ "$clustering" = redis ]; then
    "$here/install.sh" --redis
  else
    "$here/install.sh"
  fi
  "$here/azurite.sh" start
  [ "$clustering" = redis ] && start_redis
  if [ "$build" = 1 ]; then
    dotnet build "$root/src/Silo/Silo.csproj" -c "$configuration" -nologo -v quiet
  fi
  local dll="$root/src/Silo/bin/$configuration/net10.0/MusicClustering.Silo.dll"
  for i in $(seq 0 $((silos - 1))); do
    local pidfile="$run/silo-$i.pid" log="$run/silo-$i.log"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then continue; fi
    Cluster__Clustering="$clustering" \
    Cluster__RedisConnectionString="127.0.0.1:$redis_port" \
    Cluster__SiloName="silo-$i" \
    Cluster__SiloPort=$((silo_port_base + i)) \
    Cluster__GatewayPort=$((gateway_port_base + i)) \
    Cluster__PrimarySiloEndpoint="127.0.0.1:$silo_port_base" \
    Telemetry__PrometheusPort=$((prometheus_port_base + i)) \
    Telemetry__PrometheusHost=127.0.0.1 \
    Telemetry__Dashboard__Enabled="$dashboard" \
    Telemetry__Dashboard__Port=$((dashboard_port_base + i)) \
    Telemetry__Dashboard__Host=127.0.0.1 \
      nohup dotnet "$dll" >"$log" 2>&1 &
    echo $! >"$pidfile"
    # The primary must be up before the others join through it.
    [ "$i" = 0 ] && wait_for_port "$gateway_port_base" "silo-0" "$log"
  done
  for i in $(seq 0 $((silos - 1))); do
    wait_for_port $((gateway_port_base + i)) "silo-$i" "$run/silo-$i.log"
    wait_for_port $((prometheus_port_base + i)) "silo-$i metrics" "$run/silo-$i.log"
    if [ "$dashboard" = true ]; then wait_for_port $((dashboard_port_base + i)) "silo-$i dashboard" "$run/silo-$i.log"; fi
  done
  echo "$silos" >"$run/silos"
  echo "cluster up: $silos silo(s), $clustering clustering, Azurite on 127.0.0.1:10000" >&2
  endpoints >&2
  echo "export CLUSTER_GATEWAY=127.0.0.1:$gateway_port_base"
}

down() {
  for file in "$run"/silo-*.pid; do [ -e "$file" ] && stop_pidfile "$file"; done
  rm -f "$run/silos"
  "$here/azurite.sh" stop || true
  stop_pidfile "$run/redis.pid"
  echo "cluster down" >&2
}

endpoints() {
  local n
  n="$(cat "$run/silos" 2>/dev/null || echo "$silos")"
  for i in $(seq 0 $((n - 1))); do
    local line="silo-$i: gateway 127.0.0.1:$((gateway_port_base + i)), metrics http://127.0.0.1:$((prometheus_port_base + i))/metrics"
    if port_open $((dashboard_port_base + i)); then line="$line, dashboard http://127.0.0.1:$((dashboard_port_base + i))/"; fi
    echo "$line"
  done
}

status() {
  local any=0
  for file in "$run"/silo-*.pid; do
    [ -e "$file" ] || continue
    any=1
    local pid name
    pid="$(cat "$file")"
    name="$(basename "$file" .pid)"
    if kill -0 "$pid" 2>/dev/null; then echo "$name: running (pid $pid)"; else echo "$name: stopped"; fi
  done
  [ "$any" = 1 ] || echo "no silos"
  [ "$any" = 1 ] && endpoints
  "$here/azurite.sh" status || true
  if port_open "$redis_port"; then echo "redis: running on $redis_port"; else echo "redis: not running"; fi
}

case "$command" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status [--silos N] [--clustering redis|localhost] [--no-build] [--no-dashboard]" >&2; exit 2 ;;
esac
