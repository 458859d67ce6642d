#!/usr/bin/env bash
# Throughput ratios measured in one run (never compare absolute numbers across runs):
#   1. each dynamic page vs a static file served by the same gunicorn (whitenoise);
#   2. each dynamic page at 10x data vs at 1x.
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
PAGES=(/ /areas/ /areas/history/ /libraries/ "/libraries/return/?from=2" /counseling/)

serve() {
  .venv/bin/gunicorn kumamoto_portal.wsgi --bind "127.0.0.1:$PORT" --workers 2 --log-level warning &
  pid=$!
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && return; sleep 0.2; done
  echo "gunicorn did not start" >&2; exit 1
}
rps() { wrk -t2 -c16 -d"$DURATION" "http://127.0.0.1:$PORT$1" | awk '/Requests\/sec/ {print int($2)}'; }

serve
static=$(rps "$css")
declare -A one
echo "static file $css: $static req/s"
printf "%-28s %10s %14s\n" page "req/s (1x)" "vs static"
for p in "${PAGES[@]}"; do
  one[$p]=$(rps "$p")
  printf "%-28s %10s %13s%%\n" "$p" "${one[$p]}" "$((100 * one[$p] / static))"
done
kill "$pid"; wait "$pid" 2>/dev/null || true

$PY manage.py shell < scripts/bench_tenfold.py
serve
printf "%-28s %10s %14s\n" page "req/s (10x)" "vs 1x"
for p in "${PAGES[@]}"; do
  ten=$(rps "$p")
  printf "%-28s %10s %13s%%\n" "$p" "$ten" "$((100 * ten / one[$p]))"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
rm -f "$db"
