#!/usr/bin/env bash
# Runs the test suite. `./test.sh` is the default run (what CI runs); `./test.sh heavy` runs the suites marked
# [Trait("Category","Heavy")] (soak, long training); `./test.sh all` runs both.
set -euo pipefail
cd "$(dirname "$0")"

suite="${1:-default}"
case "$suite" in
  default) filter='Category!=Heavy' ;;
  heavy) filter='Category=Heavy' ;;
  all) filter='' ;;
  *) echo "usage: $0 [default|heavy|all]" >&2; exit 2 ;;
esac

# Azurite comes from the npm package pinned in deploy/local; the test fixtures start it themselves.
deploy/local/install.sh

dotnet build Cluster.sln -c Release -nologo -v quiet
mkdir -p out
log=out/test.log
set +e
dotnet test Cluster.sln -c Release --no-build -nologo ${filter:+--filter "$filter"} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects.
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
