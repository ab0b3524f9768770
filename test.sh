#!/usr/bin/env bash
# Builds GradientLab and runs every test project; the last line is "N passed, N failed".
# Installs what is missing first (the .NET SDK is expected on the machine; Chromium comes from apt for browser tests).
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0) is required: https://dotnet.microsoft.com/download" >&2
  exit 2
fi

# Debian packages the tests use: Chromium (browser tests). PNG and GIF figures are drawn in-process (SkiaSharp).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing with apt: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  ($sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
    || echo "Could not install ${missing[*]}: the tests that need them will fail." >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# The everyday suite: every unit and component test, and of the browser tests only the journeys (Category=Journey: one
# per page and the cross-page links); it skips what is slow (Category=Full). --full runs everything (what CI runs).
filter=(--filter "Category!=Full&(Category=Journey|FullyQualifiedName!~GradientLab.EndToEnd.Tests)")
args=()
for arg in "$@"; do
  if [ "$arg" = "--full" ]; then filter=(); else args+=("$arg"); fi
done

if ! dotnet build GradientLab.slnx -c Release -nologo -v q; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# The browser tests serve the published static site (artifacts/site/wwwroot), as any static host would. The everyday
# suite publishes over the last copy (a no-op when nothing changed); the full suite starts from an empty folder.
[ ${#filter[@]} -eq 0 ] && rm -rf artifacts/site
if ! dotnet publish src/GradientLab.Web -c Release -o artifacts/site -nologo -v q; then
  echo "Publishing the web lab failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test GradientLab.slnx -c Release --no-build -nologo -v q --logger "trx" --results-directory "$results" "${filter[@]}" "${args[@]}"
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
