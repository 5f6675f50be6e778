#!/bin/bash
# es-alone.sh TAG ["CLI JVM options" ["server JVM options"]]: the local stack's Elasticsearch alone, set up
# and started by ../es-exact's setup-es.sh and start-es.sh (its user, JDK, settings, 512 MB heap, the Dutch
# dictionary) on a fresh instance folder; prints the seconds until it answers and the CPU of all its
# processes until then, then stops it. As root; port 47300; work folder $KS_WORK (default
# /tmp/kamerstukken-start-order).
set -eu
tag=$1
es=$(cd "$(dirname "$0")/../es-exact" && pwd)
export ESX_DIR=${KS_WORK:-/tmp/kamerstukken-start-order}/es-$tag ESX_PORT=47300
export ESX_REPO=${KS_REPO:-$(cd "$(dirname "$0")/../../.." && pwd)}
export ESX_CLI_OPTS=${2:-} ESX_SERVER_OPTS=${3:-}
mkdir -p "$ESX_DIR"
"$es/setup-es.sh"
t0=$(date +%s.%N)
"$es/start-es.sh" > "$ESX_DIR/start.out"
t1=$(date +%s.%N)
hz=$(getconf CLK_TCK); ticks=0
for p in $(pgrep -u kamerstukken-es); do
  read -r ut st cut cst < <(awk '{print $14, $15, $16, $17}' "/proc/$p/stat"); ticks=$((ticks+ut+st+cut+cst))
done
echo "$tag: answered after $(echo "$t1-$t0" | bc | cut -c1-5) s; CPU of all its processes $(echo "scale=1; $ticks/$hz" | bc) s"
"$es/stop-es.sh" > /dev/null
