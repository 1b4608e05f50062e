#!/usr/bin/env bash
# Prints one comment line saying what figures were measured on, so that a pasted table says it
# itself: the time (UTC), the commit (with "+changes" when tracked files differ from it), the CPU,
# the number of cores and the JVM the launcher runs (JAVA_HOME's when it has one, else `java` on
# the path). Used by docs/grid-family-e2e.sh and docs/grid-family-marginal.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cpu="$(awk -F': ' '/^model name/ && !n { n = $2 } /^cpu family/ && !f { f = $2 }
  /^model[[:space:]]*:/ && !m { m = $2 } END { if (n) printf "%s (family %s, model %s)", n, f, m }' \
  /proc/cpuinfo 2>/dev/null)"
java_bin="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_bin="$JAVA_HOME/bin/java"; fi
java_version="$("$java_bin" -version 2>&1 | sed -n 2p)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit+changes"; fi
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); commit $commit; ${cpu:-unknown CPU}, $(nproc) cores;" \
  "${java_version:-unknown JVM}"
