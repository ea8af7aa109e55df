#!/usr/bin/env bash
# Installs pandoc, the benchmark's peer (bench/run.mjs), when it is missing. Never fails the
# benchmark: without pandoc, BENCHMARKS.md quotes the last measured pandoc figures and says so.
set -uo pipefail
command -v pandoc >/dev/null 2>&1 && exit 0
echo "installing the benchmark's peer: pandoc"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
{ $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends pandoc >/dev/null; } ||
  echo "bench: could not install pandoc; its figures will be quoted, not measured"
exit 0
