#!/usr/bin/env bash
# Writes the report, compare and criticality pages of every example scenario and of the
# imported GasLib-135 network, and screenshots each page in headless Chromium, to look at
# before a release (the pages need no network access; Chromium gets a fresh profile each time).
#
#   ./mvnw -B -q package -DskipTests && tools/screenshots.sh [OUT_DIR] [TRIALS] [HEIGHT]
#
# Defaults: OUT_DIR target/screenshots, TRIALS 2000, HEIGHT 3000 (px of each screenshot).
set -euo pipefail
out=${1:-target/screenshots}
trials=${2:-2000}
height=${3:-3000}
chromium=${CHROMIUM:-/usr/bin/chromium}
jar=target/corridor-risk.jar
mkdir -p "$out"
java -jar "$jar" import data/gaslib/GasLib-135.zip --out "$out/GasLib-135.yaml" --force >/dev/null
# the import has no mitigations: add two generic ones so that the compare page can be seen too
cat >> "$out/GasLib-135.yaml" <<'YAML'
mitigations:
  - id: guarded-compressors
    cost: 1.0e6
    changes:
      - {threat: compressor-sabotage, set: {success_probability: 0.2}}
  - id: faster-pipe-repairs
    cost: 2.0e6
    changes:
      - {threat: pipe-damage, set: {repair_days: {dist: fixed, value: 3}}}
YAML
for file in ${FILES:-scenarios/*.yaml "$out/GasLib-135.yaml"}; do
  name=$(basename "$file" .yaml)
  java -jar "$jar" run "$file" --trials "$trials" --quiet --out "$out/$name/run" >/dev/null
  if grep -q '^mitigations:' "$file"; then
    java -jar "$jar" compare "$file" --trials "$trials" --out "$out/$name/compare" >/dev/null
  fi
  java -jar "$jar" criticality "$file" --out "$out/$name/criticality" >/dev/null
  for page in "$out/$name"/*/*.html; do
    profile=$(mktemp -d)
    "$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$profile" --window-size=1280,"$height" \
      --screenshot="${page%.html}.png" "file://$(realpath "$page")" >/dev/null 2>&1
    rm -rf "$profile"
    echo "${page%.html}.png"
  done
done
