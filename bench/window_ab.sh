#!/bin/bash
# The search keystroke through the model, main beside this tree, alternating, each a whole
# `bench_ui.py` window run under the shared bench lock (bench/README.md, waves 7 and 8).
#   bench/window_ab.sh WORK_DIR SIDE...      SIDE: main | branch | main-poll | branch-poll | main-own
# main = a `git archive` of $MAIN_COMMIT (default 6f74b44, main at wave 8) in WORK_DIR/main
# with this tree's bench_ui.py, run with /work/main/.venv; main-own = /work/main with its own bench; *-poll =
# the loop before wave 7 (CRM_BENCH_POLL=1). CRM_BENCH_DIR must hold a copy of the 100k file.
set -e
work=$1; shift
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$work/main" ]; then
  mkdir -p "$work/main"
  git -C "$here" archive "${MAIN_COMMIT:-6f74b44}" | tar -x -C "$work/main"
fi
cp "$here/bench/bench_ui.py" "$work/main/bench/"
for side in "$@"; do
  case $side in
    main|main-poll) dir=$work/main; py=/work/main/.venv/bin/python ;;
    main-own) dir=/work/main; py=/work/main/.venv/bin/python ;;
    branch|branch-poll) dir=$here; py=$here/.venv/bin/python ;;
    *) echo "unknown side $side" >&2; exit 2 ;;
  esac
  poll=0; [[ $side == *poll ]] && poll=1
  echo "=== $side $(date -u +%H:%M:%S) load before: $(cat /proc/loadavg)"
  (cd "$dir" && CRM_BENCH_POLL=$poll CRM_BENCH_ONLY=window flock /work/wt/_bench/bench.lock \
    /usr/bin/time -f "%e s wall %U+%S s cpu" "$py" bench/bench_ui.py 2>&1 | grep -v propagate)
  echo "load after: $(cat /proc/loadavg)"
done
