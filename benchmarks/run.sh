#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites (ShortRun, in-process: a few minutes) and writes docs/benchmarks.md with their ratio
# tables, the goals of the statistics work and the machine. Arguments go to BenchmarkDotNet; the default runs every suite
# (e.g. `benchmarks/run.sh --filter '*ContourGrid*'` for one). Raw results land in BenchmarkDotNet.Artifacts/results.
# `benchmarks/run.sh --browser` instead publishes the web lab and measures it in headless Chromium
# (benchmarks/GradientLab.WebMeasure, about 3 minutes): it writes the section "In the browser" of docs/benchmarks.md and
# the browser rows of its goals table, which a later run of the suites keeps. Further arguments go to WebMeasure
# (`--seconds N`: the playback window, 10 by default).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${1:-}" = "--browser" ]; then
  shift
  dotnet publish "$root/src/GradientLab.Web" -c Release -o "$root/artifacts/site" -nologo -v q
  dotnet run -c Release --project "$root/benchmarks/GradientLab.WebMeasure" -- --report "$root/docs/benchmarks.md" "$@"
  exit 0
fi
cd "$root/benchmarks/GradientLab.Benchmarks"
if [ "$#" -eq 0 ]; then set -- --filter '*'; fi
dotnet run -c Release -- --report "$root/docs/benchmarks.md" "$@"
