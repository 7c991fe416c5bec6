#!/usr/bin/env bash
# One command from a fresh clone to a running trolyso: installs, then starts the API with the
# web chat on http://127.0.0.1:8787 over an embedded libSQL file (data/trolyso.db) that is
# created, migrated and, on first start, loaded with the 2,642 national procedures.
#
#   bash scripts/up.sh            run in the foreground; Ctrl+C stops it
#   bash scripts/up.sh --daemon   run in the background (log: data/trolyso.log), wait until it answers
#   bash scripts/up.sh --stop     stop the background server
set -euo pipefail
cd "$(dirname "$0")/.."
data="${DATA_DIR:-data}"
pidfile="$data/trolyso.pid"
logfile="$data/trolyso.log"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "${1:-}" in
  --stop)
    if running; then
      kill "$(cat "$pidfile")"
      for _ in $(seq 1 50); do running || break; sleep 0.2; done
      rm -f "$pidfile"
      echo "trolyso đã dừng."
    else
      rm -f "$pidfile"
      echo "trolyso không chạy nền."
    fi
    exit 0
    ;;
  --daemon)
    if running; then echo "trolyso đang chạy nền (pid $(cat "$pidfile")); dừng: bash scripts/up.sh --stop"; exit 0; fi
    bash scripts/install.sh
    . scripts/ensure-node.sh
    mkdir -p "$data"
    nohup node api/main.ts >"$logfile" 2>&1 &
    echo $! >"$pidfile"
    port="${PORT:-8787}"
    # Wait (at most 3 minutes) until /healthz answers 200: on first start the national export is loaded.
    node -e '
      const [url, pid] = process.argv.slice(1); const deadline = Date.now() + 180000;
      const alive = () => { try { process.kill(Number(pid), 0); return true } catch { return false } };
      (async () => { for (;;) {
        if (!alive()) { console.error("trolyso đã dừng khi khởi động; xem nhật ký."); process.exit(1) }
        try { const r = await fetch(url); const b = await r.json(); if (r.ok) { console.log(`\nSẵn sàng: ${b.procedures} thủ tục.`); return }
          if (b.loading) process.stderr.write(`\r${b.loading}   `) } catch {}
        if (Date.now() > deadline) { console.error("Chưa sẵn sàng sau 3 phút; xem nhật ký."); process.exit(1) }
        await new Promise((r) => setTimeout(r, 500)) } })()' "http://${HOST:-127.0.0.1}:${port}/healthz" "$(cat "$pidfile")" || {
      echo "Nhật ký: $logfile"; tail -20 "$logfile"; exit 1; }
    grep -v '^{' "$logfile" || true
    echo "Nhật ký: $logfile · dừng: bash scripts/up.sh --stop"
    ;;
  "")
    bash scripts/install.sh
    . scripts/ensure-node.sh
    exec npm start
    ;;
  *)
    echo "Cách dùng: bash scripts/up.sh [--daemon | --stop]" >&2
    exit 2
    ;;
esac
