#!/usr/bin/env bash
# What a grid family member's end-to-end figure is made of: the same member run with TRIALS and
# with twice as many trials, alternating, ROUNDS times; the difference of the two median wall times
# is what TRIALS more trials cost once the process is running and its code compiled (the
# steady-state rate), and twice the first median minus the second is what a run pays besides its
# trials at that rate (JVM start, reading, set-up, the report, and the first trials' slower code
# and compilations).
#
#   docs/grid-family-marginal.sh [DIR] [TRIALS] [ROUNDS] [PATTERN]
#
# DIR holds the members as docs/grid-family-e2e.sh writes them (DIR/members/grid-*.yaml, with
# `sharing: any`; they are written here if missing); TRIALS defaults to 20000, ROUNDS to 3;
# PATTERN (default `*-p10`) chooses members by name. Every run: `./corridor-risk run MEMBER
# --trials N --threads 2 --seed 1 --quiet --no-trials-csv`. Run it on a quiet machine; the
# difference of two wall times is noisier than either, so compare members within one batch.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$(mktemp -d)}"
trials="${2:-20000}"
rounds="${3:-3}"
pattern="${4:-*-p10}"
mkdir -p "$dir/members" "$dir/out"
cd "$here"
docs/grid-family-members.sh "$dir"
members=("$dir"/members/grid-$pattern.yaml)
if [ ! -e "${members[0]}" ]; then
  echo "no member matches grid-$pattern.yaml in $dir/members" >&2
  exit 2
fi
./corridor-risk run "${members[0]}" --trials 10 --quiet --no-trials-csv \
  --out "$dir/out/warm-up" >/dev/null
docs/measured-on.sh
echo "# $trials and $((2 * trials)) trials, $rounds rounds"
: >"$dir/out/marginal.txt"
TIMEFORMAT='%R'
for ((round = 1; round <= rounds; round++)); do
  for f in "${members[@]}"; do
    name="$(basename "$f" .yaml)"
    for n in "$trials" "$((2 * trials))"; do
      { time ./corridor-risk run "$f" --trials "$n" --threads 2 --seed 1 --quiet \
        --no-trials-csv --out "$dir/out/$name" >/dev/null 2>&1; } 2>"$dir/out/$name.time"
      echo "$name $n $(cat "$dir/out/$name.time")" >>"$dir/out/marginal.txt"
    done
  done
done
printf '%-28s %10s %10s %12s %12s %12s\n' member "wall_${trials}" "wall_$((2 * trials))" \
  e2e_t/s steady_t/s besides_s
sort -k1,1 -k2,2n -k3,3n "$dir/out/marginal.txt" | awk -v t="$trials" '
  function median(list, count,   sorted, i, j, tmp) {
    for (i = 1; i <= count; i++) sorted[i] = list[i]
    for (i = 2; i <= count; i++)
      for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) {
        tmp = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = tmp
      }
    return count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
  }
  function flush() {
    if (name == "") return
    a = median(one, n1); b = median(two, n2)
    printf "%-28s %10.2f %10.2f %12.0f %12.0f %12.2f\n", name, a, b, t / a,
      (b > a ? t / (b - a) : 0), 2 * a - b
  }
  $1 != name { flush(); name = $1; n1 = 0; n2 = 0 }
  $2 == t { one[++n1] = $3 }
  $2 != t { two[++n2] = $3 }
  END { flush() }'
