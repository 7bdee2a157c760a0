#!/bin/bash
# The lists at 1M (bench_lists.py) and the customer table's open + scroll (bench_ui.py window),
# main's code beside this tree's, alternating, all under one hold of the shared bench lock.
#   bench/lists_ab.sh WORK_DIR MAIN_DIR BRANCH_DIR ROUNDS [window|table]
# window: bench_lists.py, then bench_ui.py's window run (table and keystrokes) of each side;
# table: only the table's open + scroll (CRM_BENCH_TABLE_ONLY), no bench_lists.py.
# WORK_DIR/main: a `git archive` of $MAIN_COMMIT (default cc9a98f, main at wave 8's end) with
# this tree's bench scripts. MAIN_DIR and BRANCH_DIR each hold their own copy of
# demo-$CRM_BENCH_CUSTOMERS.sqlite3 (this tree upgrades its copy to its schema: never share one).
set -e
work=$1 main_data=$2 branch_data=$3 rounds=$4 mode=$5
customers=${CRM_BENCH_CUSTOMERS:-1000000}
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$work/main" ]; then
  mkdir -p "$work/main"
  git -C "$here" archive "${MAIN_COMMIT:-cc9a98f}" | tar -x -C "$work/main"
fi
cp "$here/bench/bench_lists.py" "$here/bench/bench_ui.py" "$work/main/bench/"
run() {  # side data_dir
  local dir=$here
  [ "$1" = main ] && dir=$work/main
  echo "=== $1 $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$mode" != table ]; then
    (cd "$dir" && \
      PYTHONPATH=$dir "$here/.venv/bin/python" bench/bench_lists.py "$2/demo-$customers.sqlite3")
  fi
  if [ -n "$mode" ]; then
    table_only=; [ "$mode" = table ] && table_only=1
    (cd "$dir" && PYTHONPATH=$dir CRM_BENCH_DIR=$2 CRM_BENCH_CUSTOMERS=$customers \
      CRM_BENCH_TABLE_ONLY=$table_only \
      CRM_BENCH_ONLY=window "$here/.venv/bin/python" bench/bench_ui.py 2>&1 \
      | grep -E "customer table|id query|keystroke.*p95" || true)
  fi
}
export -f run
export here work customers mode
flock /work/wt/_bench/bench.lock bash -c "
  for round in \$(seq $rounds); do
    run main $main_data
    run branch $branch_data
  done"
