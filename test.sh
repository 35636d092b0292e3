#!/usr/bin/env bash
# Runs the test suite.
#   ./test.sh              the default run: everything but the heavy and reliability suites
#   ./test.sh reliability  the fault-injection suite (kills silos, stops Azurite); needs Redis, which it installs
#   ./test.sh heavy        soak and long benchmarks-as-tests ([Trait("Category","Heavy")])
#   ./test.sh all          everything
# CI (.ci/run) runs the default and the reliability suites.
set -euo pipefail
cd "$(dirname "$0")"

suite="${1:-default}"
install_args=()
case "$suite" in
  default) filter='Category!=Heavy&Category!=Reliability'; install_args=(--ffmpeg --chromium) ;;
  reliability) filter='Category=Reliability'; install_args=(--redis) ;;
  heavy) filter='Category=Heavy' ;;
  all) filter=''; install_args=(--redis --ffmpeg --chromium) ;;
  *) echo "usage: $0 [default|reliability|heavy|all]" >&2; exit 2 ;;
esac

# Azurite comes from the npm package pinned in deploy/local (Redis, ffmpeg and chromium from Debian); the test fixtures start them.
# Tests of formats only ffmpeg decodes adapt when it is missing; with it they run for real.
deploy/local/install.sh "${install_args[@]}"

dotnet build Cluster.sln -c Release -nologo -v quiet
mkdir -p out
log=out/test-$suite.log
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
