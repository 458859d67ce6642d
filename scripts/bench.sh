#!/usr/bin/env bash
# Throughput ratios measured in one run (never compare absolute numbers across runs):
#   1. each public page vs a static file served by the same gunicorn (whitenoise),
#      served from the page cache (what residents get) and rendered every time
#      (PAGE_CACHE_SECONDS=0, the cost of a page right after an edit);
#   2. each page rendered at 10x data vs at 1x.
# Usage: make bench   (needs wrk: apt-get install wrk). Uses a throw-away SQLite DB.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
PY=.venv/bin/python
PORT=${BENCH_PORT:-8765}
DURATION=${BENCH_DURATION:-5s}
db=$(mktemp -d)/bench.sqlite3
export DATABASE_URL="sqlite:///$db"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_reference_data -v 0 >/dev/null
$PY manage.py collectstatic --noinput -v 0
css=$($PY manage.py shell --no-imports -c "from django.templatetags.static import static; print(static('css/site.css'))")
PAGES=(/ /areas/ /areas/history/ /policy/ /libraries/ /libraries/locations/ "/libraries/return/?from=2" /counseling/)

serve() {  # serve PAGE_CACHE_SECONDS
  PAGE_CACHE_SECONDS=$1 .venv/bin/gunicorn kumamoto_portal.wsgi --bind "127.0.0.1:$PORT" --workers 2 --log-level warning &
  pid=$!
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && return; sleep 0.2; done
  echo "gunicorn did not start" >&2; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
rps() { wrk -t2 -c16 -d"$DURATION" "http://127.0.0.1:$PORT$1" | awk '/Requests\/sec/ {print int($2)}'; }
declare -A cached rendered

serve 60
static=$(rps "$css")
for p in "${PAGES[@]}"; do cached[$p]=$(rps "$p"); done
stop
serve 0
for p in "${PAGES[@]}"; do rendered[$p]=$(rps "$p"); done
stop

echo "static file $css: $static req/s (same gunicorn, same run)"
printf "%-28s %12s %10s %16s %10s\n" page "cached req/s" "vs static" "rendered req/s" "vs static"
for p in "${PAGES[@]}"; do
  printf "%-28s %12s %9s%% %16s %9s%%\n" "$p" "${cached[$p]}" "$((100 * cached[$p] / static))" \
    "${rendered[$p]}" "$((100 * rendered[$p] / static))"
done

$PY manage.py shell < scripts/bench_tenfold.py
serve 0
printf "%-28s %16s %10s\n" page "rendered (10x)" "vs 1x"
for p in "${PAGES[@]}"; do
  ten=$(rps "$p")
  printf "%-28s %16s %9s%%\n" "$p" "$ten" "$((100 * ten / rendered[$p]))"
done
stop
rm -f "$db"
