#!/usr/bin/env bash
# Runs Azurite's blob service (only) in the background for local development.
#   azurite.sh start|stop|status [--port P] [--location DIR] [--cert PEM --key PEM]
# Listens on 127.0.0.1 only; account devstoreaccount1 with the well-known shared key. With --cert/--key it serves
# HTTPS (clients trust the certificate's CA through Storage:CaPath; deploy/tls/make-certs.sh makes both).
# Exit codes: 0 ok / running, 1 failure, 2 usage, 3 (status) not running.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_dir="$here/.run"
pid_file="$run_dir/azurite.pid"
port_file="$run_dir/azurite.port"
log_file="$run_dir/azurite.log"
scheme_file="$run_dir/azurite.scheme"
bin="$here/node_modules/.bin/azurite-blob"
port=""
location="$here/.data/azurite"
start_timeout_s=30
cert=""
key=""

usage() {
  echo "usage: $0 start|stop|status [--port P] [--location DIR] [--cert PEM --key PEM]" >&2
}

[[ $# -ge 1 ]] || { usage; exit 2; }
command="$1"
shift
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --location) location="${2:?--location needs a value}"; shift 2 ;;
    --cert) cert="${2:?--cert needs a value}"; shift 2 ;;
    --key) key="${2:?--key needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done
# Default: the port the running instance was started on, else 10000.
if [[ -z "$port" ]]; then
  port="$(cat "$port_file" 2>/dev/null || echo 10000)"
fi
[[ "$port" =~ ^[0-9]+$ ]] || { echo "azurite.sh: bad port '$port'" >&2; exit 2; }
[[ -z "$cert" && -z "$key" || -n "$cert" && -n "$key" ]] || { echo "azurite.sh: --cert and --key go together" >&2; exit 2; }
if [[ "$command" == start ]]; then
  scheme="$([[ -n "$cert" ]] && echo https || echo http)"
else
  scheme="$(cat "$scheme_file" 2>/dev/null || echo http)"
fi

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# True when the server on the port identifies itself as Azurite (Server: Azurite-Blob/x.y.z) over $scheme.
azurite_answers() {
  local reply request='GET /devstoreaccount1?comp=list HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n'
  if [[ "$scheme" == https ]]; then
    reply="$( (printf "$request"; sleep 1) | timeout 3 openssl s_client -quiet -connect "127.0.0.1:$port" 2>/dev/null | head -c 1024 || true)"
  else
    reply="$( (exec 3<>"/dev/tcp/127.0.0.1/$port"
      printf "$request" >&3
      timeout 2 head -c 1024 <&3) 2>/dev/null || true)"
  fi
  [[ "$reply" == *"Server: Azurite"* ]]
}

running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(cat "$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  # A stale pid file may name a recycled pid; only trust it while it is still Azurite.
  if [[ -r "/proc/$pid/cmdline" ]] && ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q azurite; then
    return 1
  fi
  echo "$pid"
}

# The publicly documented emulator account key; it protects nothing.
well_known_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

connection_string() {
  echo "DefaultEndpointsProtocol=$scheme;AccountName=devstoreaccount1;AccountKey=$well_known_key;BlobEndpoint=$scheme://127.0.0.1:$port/devstoreaccount1;"
}

start() {
  local pid
  if pid="$(running_pid)"; then
    local running_scheme
    running_scheme="$(cat "$scheme_file" 2>/dev/null || echo http)"
    if [[ "$running_scheme" != "$scheme" ]]; then
      echo "azurite.sh: already running (pid $pid) over $running_scheme, not $scheme; stop it first" >&2
      return 1
    fi
    echo "azurite.sh: already running (pid $pid)"
    return 0
  fi
  if port_answers; then
    if azurite_answers; then
      # E.g. an Azurite the C# AzuriteLauncher started for an embedded client: usable as is.
      echo "azurite.sh: an Azurite not started by this script already serves 127.0.0.1:$port; using it"
      connection_string
      return 0
    fi
    echo "azurite.sh: port $port is already in use by another process" >&2
    return 1
  fi
  if [[ ! -x "$bin" ]]; then
    echo "azurite.sh: $bin not found; run deploy/local/install.sh first" >&2
    return 1
  fi
  mkdir -p "$run_dir" "$location"
  location="$(cd "$location" && pwd)"
  # setsid: own process group, so stop can end node and anything it spawned together.
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30 sends an API version newer than Azurite knows.
  local tls_args=()
  [[ -n "$cert" ]] && tls_args=(--cert "$cert" --key "$key")
  setsid "$bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$location" "${tls_args[@]}" \
    --skipApiVersionCheck --disableTelemetry --silent >>"$log_file" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
  echo "$port" >"$port_file"
  echo "$scheme" >"$scheme_file"
  local waited=0
  until port_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "azurite.sh: azurite exited during start; last log lines:" >&2
      tail -n 20 "$log_file" >&2
      rm -f "$pid_file" "$port_file" "$scheme_file"
      return 1
    fi
    if [[ "$waited" -ge $((start_timeout_s * 10)) ]]; then
      echo "azurite.sh: azurite did not answer on port $port within ${start_timeout_s}s; last log lines:" >&2
      tail -n 20 "$log_file" >&2
      kill -- "-$pid" 2>/dev/null || true
      rm -f "$pid_file" "$port_file" "$scheme_file"
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "azurite.sh: started (pid $pid) on $scheme://127.0.0.1:$port, data in $location, log in $log_file"
  connection_string
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "azurite.sh: not running"
    rm -f "$pid_file" "$port_file" "$scheme_file"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file" "$port_file" "$scheme_file"
  echo "azurite.sh: stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if port_answers; then
      echo "azurite.sh: running (pid $pid) on $scheme://127.0.0.1:$port"
      return 0
    fi
    echo "azurite.sh: process $pid alive but port $port does not answer"
    return 1
  fi
  echo "azurite.sh: not running"
  return 3
}

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage; exit 2 ;;
esac
