#!/usr/bin/env bash
# A multi-process cluster on loopback, without Docker: Azurite, optionally Redis, and N silo processes.
#   deploy/local/cluster.sh up [--silos N] [--clustering redis|localhost] [--tls] [--no-build] [--no-dashboard]
#   deploy/local/cluster.sh down
#   deploy/local/cluster.sh status
# `up` prints `export CLUSTER_GATEWAY=127.0.0.1:PORT` as its last line, so a client in another shell can reach it.
# --tls: mutual TLS between silos and clients, Azurite over HTTPS and Redis with a password. Certificates (a fresh CA
# kept across runs) are made by deploy/tls/make-certs.sh in .run/tls, the Redis password is in .run/redis.password, and
# the last line is `source .run/client.env`, which sets everything a console needs (gateway, certificate, storage).
# CLUSTER_PORT_OFFSET=N (default 0) shifts every port below by N, for a second cluster on a shared machine.
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
offset="${CLUSTER_PORT_OFFSET:-0}"
silo_port_base=$((11111 + offset))
gateway_port_base=$((30000 + offset))
prometheus_port_base=$((9464 + offset))
dashboard_port_base=$((8080 + offset))
dashboard=true
tls=false
redis_port=$((6379 + offset))
azurite_port=$((10000 + offset))
tls_dir="$run/tls"
password_file="$run/redis.password"
client_env="$run/client.env"
configuration=Release

command="${1:-status}"
shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --clustering) clustering="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-dashboard) dashboard=false; shift ;;
    --tls) tls=true; shift ;;
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
  if port_open "$redis_port"; then
    if [ "$tls" = true ] && ! { [ -f "$run/redis.pid" ] && kill -0 "$(cat "$run/redis.pid")" 2>/dev/null; }; then
      echo "a Redis this script did not start listens on $redis_port; --tls needs its own, password-protected one" >&2
      exit 1
    fi
    return 0
  fi
  local auth=()
  if [ "$tls" = true ]; then
    # The password goes in a config file, not on the command line (where `ps` would show it).
    [ -s "$password_file" ] || (umask 077; openssl rand -hex 24 >"$password_file")
    (umask 077; echo "requirepass $(cat "$password_file")" >"$run/redis-auth.conf")
    auth=("$run/redis-auth.conf")
  fi
  redis-server "${auth[@]}" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$run/redis.pid" --logfile "$run/redis.log" --dir "$run"
  wait_for_port "$redis_port" redis "$run/redis.log"
}

redis_connection_string() {
  if [ "$tls" = true ]; then echo "127.0.0.1:$redis_port,password=$(cat "$password_file")"; else echo "127.0.0.1:$redis_port"; fi
}

# What every process of a --tls cluster shares: the CA, Azurite's https endpoint (the well-known emulator key).
storage_connection_string() {
  local scheme=http
  [ "$tls" = true ] && scheme=https
  echo "DefaultEndpointsProtocol=$scheme;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$scheme://127.0.0.1:$azurite_port/devstoreaccount1;"
}

# A cluster is up in one mode; mixing plain and --tls processes would only produce refused connections.
check_mode() {
  local running
  running="$(cat "$run/mode" 2>/dev/null || true)"
  if [ -n "$running" ] && [ "$running" != "$1" ] && any_silo_running; then
    echo "the cluster is up with ${running}; run $0 down first" >&2
    exit 1
  fi
}

any_silo_running() {
  for file in "$run"/silo-*.pid; do
    [ -e "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null && return 0
  done
  return 1
}

# What a console in another shell needs (`source .run/client.env`): the gateway and storage, and with --tls its certificate.
write_client_env() {
  (umask 077
  {
    echo "export CLUSTER_GATEWAY=127.0.0.1:$gateway_port_base"
    echo "export Storage__ConnectionString='$(storage_connection_string)'"
    if [ "$tls" = true ]; then
      echo "export Storage__CaPath='$tls_dir/ca.pem'"
      echo "export Cluster__Tls__Enabled=true"
      echo "export Cluster__Tls__CertificatePath='$tls_dir/client.pem'"
      echo "export Cluster__Tls__KeyPath='$tls_dir/client.key'"
      echo "export Cluster__Tls__CaPath='$tls_dir/ca.pem'"
    fi
  } >"$client_env")
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
  local mode=plain
  [ "$tls" = true ] && mode=tls
  check_mode "$mode"
  if [ "$clustering" = redis ]; then
    "$here/install.sh" --redis
  else
    "$here/install.sh"
  fi
  if [ "$tls" = true ]; then
    "$root/deploy/tls/make-certs.sh" "$tls_dir"
    "$here/azurite.sh" start --port "$azurite_port" --cert "$tls_dir/azurite.pem" --key "$tls_dir/azurite.key"
  else
    "$here/azurite.sh" start --port "$azurite_port"
  fi
  [ "$clustering" = redis ] && start_redis
  echo "$mode" >"$run/mode"
  if [ "$build" = 1 ]; then
    dotnet build "$root/src/Silo/Silo.csproj" -c "$configuration" -nologo -v quiet
  fi
  local dll="$root/src/Silo/bin/$configuration/net10.0/MusicClustering.Silo.dll"
  for i in $(seq 0 $((silos - 1))); do
    local pidfile="$run/silo-$i.pid" log="$run/silo-$i.log"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then continue; fi
    Cluster__Clustering="$clustering" \
    Cluster__RedisConnectionString="$(redis_connection_string)" \
    Cluster__Tls__Enabled="$tls" \
    Cluster__Tls__CertificatePath="$tls_dir/silo.pem" \
    Cluster__Tls__KeyPath="$tls_dir/silo.key" \
    Cluster__Tls__CaPath="$tls_dir/ca.pem" \
    Storage__ConnectionString="$(storage_connection_string)" \
    Storage__CaPath="$([ "$tls" = true ] && echo "$tls_dir/ca.pem")" \
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
  write_client_env
  if [ "$tls" = true ]; then
    echo "cluster up: $silos silo(s), $clustering clustering, mutual TLS (CA $tls_dir/ca.pem), Azurite on https://127.0.0.1:$azurite_port, Redis with a password" >&2
    endpoints >&2
    echo "source $client_env"
  else
    echo "cluster up: $silos silo(s), $clustering clustering, Azurite on 127.0.0.1:$azurite_port" >&2
    endpoints >&2
    echo "export CLUSTER_GATEWAY=127.0.0.1:$gateway_port_base"
  fi
}

down() {
  for file in "$run"/silo-*.pid; do [ -e "$file" ] && stop_pidfile "$file"; done
  rm -f "$run/silos" "$run/mode" "$client_env" "$run/redis-auth.conf"
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
  [ "$any" = 1 ] && echo "mode: $(cat "$run/mode" 2>/dev/null || echo plain)"
  "$here/azurite.sh" status || true
  if port_open "$redis_port"; then echo "redis: running on $redis_port"; else echo "redis: not running"; fi
}

case "$command" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status [--silos N] [--clustering redis|localhost] [--tls] [--no-build] [--no-dashboard]" >&2; exit 2 ;;
esac
