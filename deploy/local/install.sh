#!/usr/bin/env bash
# Installs the pinned local tooling: Azurite (npm, from package-lock.json into ./node_modules),
# optionally redis-server (--redis), ffmpeg (--ffmpeg) and chromium (--chromium, for the report's browser test)
# from Debian packages.
# Idempotent: every step is skipped when what it installs is already there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
want_redis=0
want_ffmpeg=0
want_chromium=0

usage() {
  echo "usage: $0 [--redis] [--ffmpeg] [--chromium]" >&2
}

for arg in "$@"; do
  case "$arg" in
    --redis) want_redis=1 ;;
    --ffmpeg) want_ffmpeg=1 ;;
    --chromium) want_chromium=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install.sh: '$*' needs root (run as root or install sudo)" >&2
    exit 1
  fi
}

apt_updated=0
apt_install() {
  if [[ "$apt_updated" -eq 0 ]]; then
    as_root apt-get update
    apt_updated=1
  fi
  # Without systemd, package scripts would start redis-server as a daemon on 6379 and collide with the
  # instance the cluster scripts run; a temporary policy-rc.d tells them not to start services.
  local policy=/usr/sbin/policy-rc.d
  local added_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    added_policy=1
  fi
  local status=0
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" || status=$?
  if [[ "$added_policy" -eq 1 ]]; then
    as_root rm -f "$policy"
  fi
  return "$status"
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install.sh: node/npm missing, installing Debian's nodejs and npm"
  apt_install nodejs npm
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" -lt 20 ]]; then
  # Azurite 3.37 declares node >= 22 but runs on 20; older runtimes are untested.
  echo "install.sh: warning: node $(node -v) is older than 20; Azurite may fail to start" >&2
fi

# The version the lock file pins, and the version actually installed (empty when absent).
locked_version="$(node -p 'require(process.argv[1]).packages["node_modules/azurite"].version' "$here/package-lock.json")"
installed_version=""
if [[ -f "$here/node_modules/azurite/package.json" && -x "$here/node_modules/.bin/azurite-blob" ]]; then
  installed_version="$(node -p 'require(process.argv[1]).version' "$here/node_modules/azurite/package.json")"
fi

if [[ "$installed_version" == "$locked_version" ]]; then
  echo "install.sh: azurite $locked_version already installed"
else
  echo "install.sh: installing azurite $locked_version (found: ${installed_version:-none})"
  (cd "$here" && npm ci --no-audit --no-fund)
fi

# Record where Azurite is, so a client published outside the repository finds it (src/Storage/Azurite/AzuriteLocator.cs).
record_dir="${XDG_CONFIG_HOME:-$HOME/.config}/music-clustering"
mkdir -p "$record_dir"
printf '%s\n' "$here/node_modules/.bin/azurite-blob" >"$record_dir/azurite-blob"

if [[ "$want_redis" -eq 1 ]]; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "install.sh: redis-server already installed"
  else
    apt_install redis-server
  fi
fi

if [[ "$want_ffmpeg" -eq 1 ]]; then
  if command -v ffmpeg >/dev/null 2>&1; then
    echo "install.sh: ffmpeg already installed"
  else
    # Optional for the product (WAV and AU decode without it), so a failed install is a warning, not a failure.
    apt_install ffmpeg || echo "install.sh: could not install ffmpeg; formats that need it fail per track with a clear reason" >&2
  fi
fi

if [[ "$want_chromium" -eq 1 ]]; then
  if command -v chromium >/dev/null 2>&1; then
    echo "install.sh: chromium already installed"
  else
    # Only the report's browser test needs it, so a failed install is a warning; that test then fails and says why.
    apt_install chromium || echo "install.sh: could not install chromium; the report's browser test fails until it is installed" >&2
  fi
fi
