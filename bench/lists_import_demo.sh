#!/bin/bash
# import_ab (against /work/main), then `demo --customers 100000` of main and of this branch
# alternating twice; all under one hold of the bench lock (bench/README.md, wave 9, lists).
cd /work/wt/lists
flock /work/wt/_bench/bench.lock bash -c '
echo "=== import_ab $(date -u +%H:%M:%S) load: $(cut -d" " -f1-3 /proc/loadavg)"
CRM_BENCH_DIR=/work/wt/_bench/lists/import .venv/bin/python bench/import_ab.py /work/main 3
for r in 1 2; do
  for side in main branch; do
    if [ $side = main ]; then py=/work/main/.venv/bin/python; dir=/work/main; else py=/work/wt/lists/.venv/bin/python; dir=/work/wt/lists; fi
    rm -f /tmp/lists-demo-$side.sqlite3*
    echo "=== demo 100k $side $(date -u +%H:%M:%S) load: $(cut -d" " -f1-3 /proc/loadavg)"
    (cd $dir && CRM_DESKTOP_AUTO_BACKUP=0 CRM_DESKTOP_HOME=/tmp/lists-demo-home /usr/bin/time -f "%e s wall %U+%S s cpu" $py -m crm_desktop --db /tmp/lists-demo-$side.sqlite3 demo --customers 100000 2>&1 | tail -2)
  done
done
echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
'
