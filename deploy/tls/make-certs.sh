#!/usr/bin/env bash
# Makes a private CA and the certificates a TLS-enabled cluster needs, with openssl (Debian's `openssl` package):
#   deploy/tls/make-certs.sh DIR [--san NAME_OR_IP]... [--days N] [--force]
# Writes into DIR (keys readable by the owner only):
#   ca.pem / ca.key          the cluster's CA (Cluster:Tls:CaPath, Storage:CaPath); keep ca.key offline in production
#   silo.pem / silo.key      every silo (server + client authentication)
#   client.pem / client.key  the console (client authentication only: it can reach a gateway, never join as a silo)
#   azurite.pem / azurite.key  Azurite over HTTPS (server authentication)
# Server certificates name 127.0.0.1 and localhost plus every --san (e.g. --san azurite for Docker Compose).
# Existing files are kept (so a CA survives re-runs); --force makes everything anew.
set -euo pipefail

usage() {
  echo "usage: $0 DIR [--san NAME_OR_IP]... [--days N] [--force]" >&2
}

[[ $# -ge 1 ]] || { usage; exit 2; }
dir="$1"
shift
sans=("IP:127.0.0.1" "DNS:localhost")
days=825
force=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --san)
      value="${2:?--san needs a value}"
      if [[ "$value" =~ ^[0-9.]+$ || "$value" == *:* ]]; then sans+=("IP:$value"); else sans+=("DNS:$value"); fi
      shift 2 ;;
    --days) days="${2:?--days needs a value}"; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done
command -v openssl >/dev/null 2>&1 || { echo "make-certs.sh: openssl is missing (apt-get install openssl)" >&2; exit 1; }

umask 077
mkdir -p "$dir"
cd "$dir"
if [[ "$force" -eq 1 ]]; then
  rm -f ca.pem ca.key silo.pem silo.key client.pem client.key azurite.pem azurite.key
fi

if [[ ! -f ca.pem || ! -f ca.key ]]; then
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 3650 \
    -keyout ca.key -out ca.pem -subj "/CN=music-clustering CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" 2>/dev/null
  rm -f silo.pem client.pem azurite.pem
  echo "make-certs.sh: new CA $dir/ca.pem" >&2
fi

# issue NAME COMMON_NAME EXTENDED_KEY_USAGE WITH_NAMES
issue() {
  local name="$1" common_name="$2" usage="$3" with_names="$4"
  [[ -f "$name.pem" && -f "$name.key" ]] && return 0
  local extensions
  extensions="$(mktemp)"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyAgreement"
    echo "extendedKeyUsage=$usage"
    echo "subjectKeyIdentifier=hash"
    echo "authorityKeyIdentifier=keyid"
    if [[ "$with_names" -eq 1 ]]; then (IFS=,; echo "subjectAltName=${sans[*]}"); fi
  } >"$extensions"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$name.key" -out "$name.csr" \
    -subj "/CN=$common_name" 2>/dev/null
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 12)" -sha256 \
    -days "$days" -extfile "$extensions" -out "$name.pem" 2>/dev/null
  rm -f "$name.csr" "$extensions"
  echo "make-certs.sh: $dir/$name.pem ($usage)" >&2
}

issue silo "music-clustering silo" "serverAuth,clientAuth" 1
issue client "music-clustering client" "clientAuth" 0
issue azurite "music-clustering azurite" "serverAuth" 1
# Certificates are public; keys stay owner-only (umask 077).
chmod 644 ca.pem silo.pem client.pem azurite.pem
