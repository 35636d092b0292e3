#!/usr/bin/env bash
# The demo, from a fresh Debian 12 machine with the .NET SDK: installs what is missing, builds, starts Azurite and
# two silo processes, generates a synthetic corpus, runs an experiment through the client and prints its results.
# Writes out/demo/results.json.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"
out="$root/out/demo"
mkdir -p "$out"

deploy/local/install.sh
dotnet build src/Client/Client.csproj -c Release -nologo -v quiet   # the client builds the silo too
cluster() { dotnet "$root/src/Client/bin/Release/net10.0/cluster.dll" "$@"; }

trap 'deploy/local/cluster.sh down >/dev/null 2>&1 || true' EXIT
gateway_line="$(deploy/local/cluster.sh up --silos 2 --clustering localhost --no-build | tail -n 1)"
eval "$gateway_line"
echo "cluster gateway: $CLUSTER_GATEWAY"

cluster generate --genres 10 --per-genre 12 --seconds 6 --seed 7 --out "$out/corpus"
cluster ingest "$out/corpus" --dataset demo
cluster submit --dataset demo --name demo-vae-kmeans --k 10 --epochs 60 --wait --json >"$out/experiment.json"

id="$(sed -n 's/^  "id": "\(.*\)",$/\1/p' "$out/experiment.json" | head -n 1)"
cluster results "$id"
# out/demo/results.json: the experiment's fields at the top level, and every experiment of the demo in "experiments".
{
  printf '{\n  "experiments": [\n'
  sed 's/^/    /' "$out/experiment.json"
  printf '  ],\n'
  sed '1d' "$out/experiment.json"
} >"$out/results.json"
echo "wrote $out/results.json"
