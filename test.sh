#!/usr/bin/env bash
# Builds GradientLab and runs every test project; the last line is "N passed, N failed".
# Installs what is missing first (the .NET SDK is expected on the machine; Chromium comes from apt for browser tests).
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0) is required: https://dotnet.microsoft.com/download" >&2
  exit 2
fi

if [ -d tests/GradientLab.EndToEnd.Tests ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests (apt)..."
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "Could not install chromium: browser tests will fail." >&2
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "Could not install chromium: browser tests will fail." >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if ! dotnet build GradientLab.slnx -c Release -nologo -v q; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test GradientLab.slnx -c Release --no-build -nologo -v q --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the test host itself failed (a crash, or a project that did not run)
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
