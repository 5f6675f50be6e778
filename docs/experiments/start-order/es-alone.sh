#!/bin/bash
# es-alone.sh TAG ["CLI JVM options" ["server JVM options"]]: the local stack's Elasticsearch alone,
# as the local stack launches it (its user, JDK, settings, 512 MB heap), on a fresh data folder;
# prints the seconds until its log says "started" and the CPU of all its processes until then.
# ES_CONFIG_FROM: a config folder an earlier `up` wrote (<data-dir>/stack/elasticsearch/config).
# Run as root (Elasticsearch runs as the local stack's user kamerstukken-es); port 47300.
set -u
tag=$1; cli=${2:-}; srv=${3:-}
repo=${KS_REPO:-$(cd "$(dirname "$0")/../../.." && pwd)}
home=$(ls -d "$repo"/local-stack/target/elasticsearch/elasticsearch-* | head -1)
jdk=${ES_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
d=${KS_WORK:-/tmp/kamerstukken-start-order}/es-$tag; rm -rf "$d"; mkdir -p "$d/data" "$d/logs" "$d/tmp"
cp -a "$ES_CONFIG_FROM" "$d/config"; rm -f "$d/config/elasticsearch.keystore"
chown -R kamerstukken-es:kamerstukken-es "$d"
t0=$(date +%s.%N)
setpriv --reuid kamerstukken-es --regid kamerstukken-es --clear-groups env -u JAVA_HOME \
  ES_JAVA_HOME="$jdk" ES_PATH_CONF="$d/config" ES_TMPDIR="$d/tmp" ES_JAVA_OPTS="-Xms512m -Xmx512m $srv" \
  CLI_JAVA_OPTS="-Djava.io.tmpdir=$d/tmp $cli" "$home/bin/elasticsearch" -E cluster.name=kamerstukken-local \
  -E node.name=kamerstukken-local -E discovery.type=single-node -E xpack.security.enabled=false \
  -E xpack.ml.enabled=false -E network.host=127.0.0.1 -E http.port=47300 -E path.data="$d/data" \
  -E path.logs="$d/logs" -E cluster.routing.allocation.disk.threshold_enabled=false -p "$d/es.pid" \
  > "$d/out.log" 2>&1 &
for _ in $(seq 1 600); do grep -q '\] started {' "$d/logs/kamerstukken-local.log" 2>/dev/null && break; sleep 0.05; done
t1=$(date +%s.%N)
hz=$(getconf CLK_TCK); ticks=0
for p in $(pgrep -u kamerstukken-es); do
  read -r ut st cut cst < <(awk '{print $14, $15, $16, $17}' "/proc/$p/stat"); ticks=$((ticks+ut+st+cut+cst))
done
first=$(grep -m1 -o '^\[[^]]*\]' "$d/logs/kamerstukken-local.log" | cut -c13-24)
echo "$tag: started after $(echo "$t1-$t0" | bc | cut -c1-5) s; CPU of all its processes $(echo "scale=1; $ticks/$hz" | bc) s;" \
  "launched $(date -d @"$t0" +%T.%N | cut -c1-12), first log line $first"
kill -TERM "$(cat "$d/es.pid")"
for _ in $(seq 1 100); do pgrep -u kamerstukken-es >/dev/null || break; sleep 0.1; done
