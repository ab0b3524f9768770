#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites (ShortRun, in-process: a few minutes) and writes docs/benchmarks.md with their ratio
# tables, the goals of the statistics work and the machine. Arguments go to BenchmarkDotNet; the default runs every suite
# (e.g. `benchmarks/run.sh --filter '*ContourGrid*'` for one). Raw results land in BenchmarkDotNet.Artifacts/results.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/benchmarks/GradientLab.Benchmarks"
if [ "$#" -eq 0 ]; then set -- --filter '*'; fi
dotnet run -c Release -- --report "$root/docs/benchmarks.md" "$@"
