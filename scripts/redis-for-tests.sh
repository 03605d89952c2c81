#!/usr/bin/env bash
# Sourced by scripts/test.sh: makes sure redis-server is installed, starts a throw-away one on a free
# loopback port (own temp dir, append-only file so a restart keeps data) and exports
# IMAGINGBOT_TEST_REDIS=127.0.0.1:PORT for the tests. The server and its dir go away when the shell exits.

imagingbot_start_test_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing redis-server for the tests..." >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  fi

  IMAGINGBOT_TEST_REDIS_DIR="$(mktemp -d -t imagingbot-redis-XXXXXX)"
  trap imagingbot_stop_test_redis EXIT

  # A free loopback port: pick one nothing answers on; if another process takes it first, try the next.
  local port attempt tries
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly yes \
      --dir "$IMAGINGBOT_TEST_REDIS_DIR" --pidfile "$IMAGINGBOT_TEST_REDIS_DIR/redis.pid" \
      --logfile "$IMAGINGBOT_TEST_REDIS_DIR/redis.log" --daemonize yes
    tries=0
    until redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 || [ "$tries" -ge 50 ]; do
      tries=$((tries + 1))
      sleep 0.1
    done
    if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then break; fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "Could not start redis-server for the tests (see $IMAGINGBOT_TEST_REDIS_DIR/redis.log)" >&2
    return 1
  fi
  export IMAGINGBOT_TEST_REDIS="127.0.0.1:$port"
  echo "Test Redis on $IMAGINGBOT_TEST_REDIS" >&2
}

imagingbot_stop_test_redis() {
  if [ -n "${IMAGINGBOT_TEST_REDIS_DIR:-}" ] && [ -f "$IMAGINGBOT_TEST_REDIS_DIR/redis.pid" ]; then
    local pid tries=0
    pid="$(cat "$IMAGINGBOT_TEST_REDIS_DIR/redis.pid")"
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 50 ]; do
      tries=$((tries + 1))
      sleep 0.1
    done
  fi
  if [ -n "${IMAGINGBOT_TEST_REDIS_DIR:-}" ]; then
    rm -rf "$IMAGINGBOT_TEST_REDIS_DIR"
  fi
}
