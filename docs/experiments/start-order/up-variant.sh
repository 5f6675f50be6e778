#!/bin/bash
# up-variant.sh TAG MODE: one `./kamerstukken up` on a fresh data folder until it prints "is up";
# prints its ready time, when Kafka and Elasticsearch answered, and (8 s later, from the log) when
# assemble-service's Kafka Streams first reached RUNNING and the parse worker finished its warm-up.
#   MODE base        as shipped: the services that need only Kafka start when it answers
#        nowarm      as base, without the parse worker's warm-up (PARSE_WORKER_WARM_UP=0s)
#        niceworker  as base, every parse worker thread reniced to 10 as soon as it appears
#        seq         every service starts after the whole stack answers    (needs experiment-hooks.patch)
#        late        only assemble- and ingest-service start with Kafka    (needs experiment-hooks.patch)
# Work folder: $KS_WORK (default /tmp/kamerstukken-start-order); ports as ../up-run.sh says.
set -u
. "$(dirname "$0")/../up-run.sh"
tag=$1; mode=$2
d=${KS_WORK:-/tmp/kamerstukken-start-order}/$tag
extra_env=(KS_MODE="$mode")
[ "$mode" = nowarm ] && extra_env+=(PARSE_WORKER_WARM_UP=0s)
[ "$mode" = seq ] && extra_env+=(EXPERIMENT_SEQUENTIAL=1)
[ "$mode" = late ] && extra_env+=(EXPERIMENT_EARLY=assemble-service,ingest-service)
up_start "$d" "${extra_env[@]}"
renicer=""
if [ "$mode" = niceworker ]; then
  ( while :; do for p in $(pgrep -f ParseWorkerMain); do for t in /proc/$p/task/*; do
      renice -n 10 -p "${t##*/}" >/dev/null 2>&1; done; done; sleep 0.1; done ) &
  renicer=$!
fi
up_await_ready "$d"
[ -n "$renicer" ] && kill "$renicer"
echo "$tag $mode: $(grep -o 'ready in [0-9.]* s' "$d/up.log");" \
  "Elasticsearch $(grep -o 'Elasticsearch ready on .* in \[[0-9]* ms\]' "$d/up.log" | grep -o '\[[0-9]* ms\]');" \
  "Kafka $(grep -o 'Kafka ready on .* in \[[0-9]* ms\]' "$d/up.log" | grep -o '\[[0-9]* ms\]')"
sleep 8
rel() { [ -n "$1" ] && echo "$(date -d "$(date +%F) $1" +%s.%N) - $UP_LAUNCHED" | bc | cut -c1-5; }
running=$(grep -m1 'State transition from REBALANCING to RUNNING' "$d/up.log" | cut -c1-12)
warm=$(grep -m1 'warmed up' "$d/up.log" | cut -c1-12)
echo "   assemble RUNNING at $(rel "$running") s, warm-up done at $(rel "$warm") s after launch"
up_stop
sleep 2
