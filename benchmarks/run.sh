#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites in-process; results land in BenchmarkDotNet.Artifacts/results.
set -euo pipefail
cd "$(dirname "$0")/GradientLab.Benchmarks"
dotnet run -c Release -- --filter "${1:-*}"
