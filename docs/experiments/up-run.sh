# Sourced by the experiment scripts that run `./kamerstukken up`: one way to start it on a fresh data
# folder, wait for it and stop it. Ports 47092 (Kafka), 47200 (Elasticsearch), 47081-47084 (services).
#   up_start DIR [VAR=value ...]   fresh DIR/data and DIR/inbox; `up` runs with the variables added,
#                                  its output in DIR/up.log; sets UP_PID and UP_LAUNCHED (epoch seconds)
#   up_await_ready DIR             until `up` printed "is up" (at most 40 s)
#   up_stop                        TERM, as Ctrl-C, and wait for it
UP_REPO=${KS_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

up_start() {
  local dir=$1; shift
  rm -rf "$dir"; mkdir -p "$dir/inbox"
  UP_LAUNCHED=$(date +%s.%N)
  (cd "$UP_REPO" && exec env "$@" ./kamerstukken up --data-dir "$dir/data" --inbox "$dir/inbox" \
    --kafka-port 47092 --elasticsearch-port 47200 --http-ports 47081,47082,47083,47084) \
    > "$dir/up.log" 2>&1 &
  UP_PID=$!
}

up_await_ready() {
  for _ in $(seq 1 400); do grep -q 'is up (ready in' "$1/up.log" && return 0; sleep 0.1; done
  return 1
}

up_stop() {
  kill -TERM "$UP_PID"; wait "$UP_PID" 2>/dev/null
}
