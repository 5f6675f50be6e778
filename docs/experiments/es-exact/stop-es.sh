#!/bin/bash
# Stops the ES server JVM started by start-es.sh (by its pid file) and waits for it to exit.
. "$(dirname "$0")/esx-env.sh"
PID=$(cat $INST/elasticsearch.pid 2>/dev/null) || { echo "no pid file"; exit 0; }
kill $PID 2>/dev/null || true
for i in $(seq 1 60); do kill -0 $PID 2>/dev/null || { echo "stopped $PID"; exit 0; }; sleep 1; done
echo "still running $PID"; exit 1
