#!/bin/bash
# The backup benchmark of this tree and of another checkout, side by side: ROUNDS times the
# other then this (each its own process, its own venv, the same bench script: this tree's),
# under one hold of the shared bench lock. Usage:
#   bench/backup_pairs.sh OTHER_TREE [ROUNDS]      (e.g. /work/main 3)
# CRM_BENCH_DIR_OTHER / CRM_BENCH_DIR_THIS: folders holding each side's demo file (copies);
# CRM_BENCH_CUSTOMERS and CRM_BENCH_REPEAT are passed on (defaults 100000 and 5).
# The other side runs this tree's bench script from a folder beside a link to the other
# tree's crm_desktop: bench/common.py puts the folder above bench/ first on sys.path, so a
# script run from this tree imports this tree's code whatever the venv (until wave 8 both
# sides ran this tree's code). Each run prints the crm_desktop it imported.
set -euo pipefail
other=$(cd "${1:?the other checkout}" && pwd); rounds=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
mix=$(mktemp -d /tmp/backup-pairs-XXXXXX)
trap 'rm -rf "$mix"' EXIT
cp -r "$here/bench" "$mix/bench"
ln -s "$other/crm_desktop" "$mix/crm_desktop"
export CRM_BENCH_ONLY=backup CRM_BENCH_REPEAT=${CRM_BENCH_REPEAT:-5}
export CRM_BENCH_CUSTOMERS=${CRM_BENCH_CUSTOMERS:-100000}
run() { # label tree root-of-the-bench folder
  echo "== $1 $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  CRM_BENCH_DIR=$4 /usr/bin/time -f "%e s wall %U+%S s cpu" "$2/.venv/bin/python" \
    "$3/bench/bench_backup.py"
}
pairs() {
  for _ in $(seq "$rounds"); do
    run other "$other" "$mix" "${CRM_BENCH_DIR_OTHER:?}"
    run this "$here" "$here" "${CRM_BENCH_DIR_THIS:?}"
  done
  echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
}
export -f run pairs; export other here rounds mix
flock /work/wt/_bench/bench.lock bash -c pairs
