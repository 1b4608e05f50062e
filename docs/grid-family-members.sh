#!/usr/bin/env bash
# Writes the binding-capacity grid family's members as the end-to-end scripts time them, unless
# DIR/members already holds them: `bench --suite grid --family-out` writes each member, and the
# copy in DIR/members ends with `sharing: any` instead of the file's own sharing line.
#
#   docs/grid-family-members.sh DIR
#
# Used by docs/grid-family-e2e.sh and docs/grid-family-marginal.sh. `bench` does not record the
# launcher's class-data archive, so the scripts' first timed runs still map an archive recorded by
# a `run`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:?usage: docs/grid-family-members.sh DIR}"
mkdir -p "$dir/members"
if ls "$dir"/members/grid-*.yaml >/dev/null 2>&1; then
  exit 0
fi
(cd "$here" && ./corridor-risk bench --suite grid --trials 10 --family-out "$dir/family" >/dev/null)
for f in "$dir"/family/grid-*.yaml; do
  grep -v '^sharing:' "$f" >"$dir/members/$(basename "$f")"
  echo "sharing: any" >>"$dir/members/$(basename "$f")"
done
