#!/usr/bin/env bash
# Browser check of the local cluster's observability endpoints, in headless Chromium:
#   deploy/local/dashboard-check.sh [--silos N] [--keep]
# Installs Debian's chromium when missing, starts the local cluster (deploy/local/cluster.sh) unless one is already up,
# runs a small synthetic experiment so every grain type is active, then opens silo-0's Orleans Dashboard and its
# Prometheus endpoint, asserts that our grain types and metrics are on them, and saves screenshots and DOM dumps under
# out/dashboard-check/. The cluster it started is stopped again unless --keep is given.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/out/dashboard-check"
silos=3
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--silos N] [--keep]" >&2; exit 2 ;;
  esac
done

dashboard_url="http://127.0.0.1:8080/"
metrics_url="http://127.0.0.1:9464/metrics"
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
fail() { echo "dashboard-check: FAIL: $*" >&2; exit 1; }

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "dashboard-check: installing chromium (Debian package)" >&2
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi

started=0
if ! port_open 30000; then
  "$here/cluster.sh" up --silos "$silos" >/dev/null
  started=1
fi
cleanup() { if [ "$started" = 1 ] && [ "$keep" = 0 ]; then "$here/cluster.sh" down || true; fi; }
trap cleanup EXIT
port_open 8080 || fail "no dashboard on $dashboard_url (was the cluster started with --no-dashboard?)"

# A small experiment, so that track, experiment, trainer and dataset grains are active on the silos.
cluster=(dotnet "$root/src/Client/bin/Release/net10.0/cluster.dll")
[ -f "${cluster[1]}" ] || dotnet build "$root/src/Client/Client.csproj" -c Release -nologo -v quiet
corpus="$(mktemp -d)"
export CLUSTER_GATEWAY=127.0.0.1:30000
"${cluster[@]}" generate --genres 4 --per-genre 10 --seconds 3 --out "$corpus" >/dev/null 2>&1
"${cluster[@]}" ingest "$corpus" --dataset dashboard-check >/dev/null 2>&1
mkdir -p "$out"
"${cluster[@]}" submit --dataset dashboard-check --k 4 --epochs 5 --wait --json >"$out/results.json" 2>"$out/submit.log" \
  || fail "the experiment failed ($out/submit.log)"
rm -rf "$corpus"
sleep 3  # the dashboard's counters refresh every second

profile="$(mktemp -d)"
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$profile" "$@" 2>>"$out/chromium.log"
}

# The dashboard is a single-page app: give its scripts virtual time to fetch the counters before the DOM is dumped.
chrome --virtual-time-budget=15000 --dump-dom "${dashboard_url}#/grains" >"$out/dashboard-grains.html"
chrome --virtual-time-budget=15000 --dump-dom "$dashboard_url" >"$out/dashboard.html"
chrome --virtual-time-budget=15000 --window-size=1280,900 --screenshot="$out/dashboard.png" "$dashboard_url" >/dev/null
chrome --virtual-time-budget=15000 --window-size=1280,900 --screenshot="$out/dashboard-grains.png" "${dashboard_url}#/grains" >/dev/null
chrome --dump-dom "$metrics_url" >"$out/metrics.html"
chrome --window-size=1280,900 --screenshot="$out/prometheus.png" "$metrics_url" >/dev/null
rm -rf "$profile"

for grain in TrackGrain ExperimentGrain TrainerGrain DatasetGrain; do
  grep -q "$grain" "$out/dashboard-grains.html" "$out/dashboard.html" || fail "$grain is not on the dashboard ($out/dashboard-grains.html)"
done
grep -q "Orleans Dashboard" "$out/dashboard.html" || fail "the dashboard page did not load"
for metric in music_clustering_tracks_extracted_total music_clustering_extraction_duration_seconds_bucket \
              music_clustering_feature_cache_misses_total music_clustering_experiment_stage_duration_seconds_bucket \
              music_clustering_training_epoch_duration_seconds_bucket music_clustering_training_loss orleans_grains; do
  grep -q "$metric" "$out/metrics.html" || fail "$metric is not on $metrics_url"
done
for png in dashboard.png dashboard-grains.png prometheus.png; do
  [ -s "$out/$png" ] || fail "no screenshot $out/$png"
done
echo "dashboard-check: OK: grain types on $dashboard_url, metrics on $metrics_url; screenshots in ${out#"$root"/}/" >&2
