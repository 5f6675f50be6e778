#!/bin/bash
# Starts ES (as kamerstukken-es, like local-stack's ElasticsearchLaunch) on 127.0.0.1:$ESX_PORT; waits for green/yellow
# (polled every 0.1 s, so callers can time the start). ESX_CLI_OPTS / ESX_SERVER_OPTS: more JVM options for its CLI
# launcher JVM / its server JVM.
set -euo pipefail
. "$(dirname "$0")/esx-env.sh"
U=$(id -u kamerstukken-es); G=$(id -g kamerstukken-es)
env -u JAVA_HOME -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS -u JAVA_OPTS \
  ES_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ES_PATH_CONF=$INST/config ES_TMPDIR=$INST/tmp \
  ES_JAVA_OPTS="-Xms512m -Xmx512m ${ESX_SERVER_OPTS:-}" CLI_JAVA_OPTS="-Djava.io.tmpdir=$INST/tmp ${ESX_CLI_OPTS:-}" \
  setsid setpriv --reuid=$U --regid=$G --clear-groups -- \
  $HOME_ES/bin/elasticsearch -E cluster.name=esexact -E node.name=esexact -E discovery.type=single-node \
  -E xpack.security.enabled=false -E xpack.ml.enabled=false -E network.host=127.0.0.1 -E http.port=$ESX_PORT \
  -E path.data=$INST/data -E path.logs=$INST/logs -E cluster.routing.allocation.disk.threshold_enabled=false \
  -p $INST/elasticsearch.pid > $INST/elasticsearch.out 2>&1 < /dev/null &
echo "launcher pid $!"
for i in $(seq 1 1200); do
  if curl -s "127.0.0.1:$ESX_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" | grep -q '"status"'; then
    echo "up; server pid $(cat $INST/elasticsearch.pid)"; exit 0; fi
  sleep 0.1
done
echo "did not start"; tail -30 $INST/elasticsearch.out; exit 1
