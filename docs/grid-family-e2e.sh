#!/usr/bin/env bash
# End-to-end speed of the binding-capacity grid family (issue 15's acceptance figure):
# every member through the launcher, JVM start included, 20,000 trials on 2 threads under
# `sharing: any`; prints wall time, user CPU and trials/s per member.
#
#   docs/grid-family-e2e.sh [DIR] [TRIALS] [ROUNDS]
#
# DIR (default: a new temporary folder) receives the members (written by `bench --suite grid
# --family-out`, with the line `sharing: any` appended) and their outputs; TRIALS defaults to
# 20000; ROUNDS (default 1) runs every member that many times, round after round (so that a
# change of the machine's load spreads over all members), and then prints each member's median
# trials/s and its lowest. Run it on a quiet machine: the figures are wall-clock times (bash's `time`). The first
# launcher run after a build records the class-data archive and is slower, so one short run goes
# first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$(mktemp -d)}"
trials="${2:-20000}"
rounds="${3:-1}"
mkdir -p "$dir/members" "$dir/out"
cd "$here"
docs/grid-family-members.sh "$dir"
./corridor-risk run "$(ls "$dir"/members/grid-*.yaml | head -n 1)" --trials 10 --quiet \
  --no-trials-csv --out "$dir/out/warm-up" >/dev/null
docs/measured-on.sh
printf '%-28s %8s %8s %10s %s\n' member wall_s user_s trials/s load_before
: >"$dir/out/rounds.txt"
for ((round = 1; round <= rounds; round++)); do
  for f in "$dir"/members/grid-*.yaml; do
    name="$(basename "$f" .yaml)"
    load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
    TIMEFORMAT='%R %U'
    { time ./corridor-risk run "$f" --trials "$trials" --threads 2 --seed 1 --quiet \
      --no-trials-csv --out "$dir/out/$name" >/dev/null 2>&1; } 2>"$dir/out/$name.time"
    read -r wall user <"$dir/out/$name.time"
    awk -v n="$name" -v w="$wall" -v u="$user" -v t="$trials" -v l="$load" \
      'BEGIN { printf "%-28s %8.2f %8.2f %10.0f %s\n", n, w, u, t / w, l }' |
      tee -a "$dir/out/rounds.txt"
  done
done
if ((rounds > 1)); then
  printf '\n%-28s %10s %10s (over %d rounds)\n' member median_t/s lowest_t/s "$rounds"
  sort -k1,1 -k4,4n "$dir/out/rounds.txt" | awk -v r="$rounds" '
    { v[$1] = v[$1] " " $4; c[$1]++ }
    END {
      for (n in v) {
        split(substr(v[n], 2), x, " ")
        k = c[n]
        med = (k % 2) ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2
        printf "%-28s %10.0f %10.0f\n", n, med, x[1]
      }
    }' | sort
fi
