#!/bin/bash
# memprof.sh TAG [SECONDS]: one `./kamerstukken up` with native memory tracking in every service,
# then a set of PDFs dropped at once (KS_SET: a folder, e.g. a bench run's round-1/cold-set);
# samples assemble-service's RSS every 0.5 s for SECONDS (default 150) and keeps, at each new peak,
# `jcmd VM.native_memory summary` (nmt-peak.txt), /proc status and smaps. Prints the peak RSS.
# What else the services get comes from the environment, e.g. ASSEMBLE_ROCKSDB_MEMORY=16MB, or
# EXPERIMENT_ASSEMBLE_SERVICE_OPTS with ../start-order/experiment-hooks.patch applied.
# Work folder: $KS_WORK (default /tmp/kamerstukken-memprof); ports as ../up-run.sh says.
set -u
. "$(dirname "$0")/../up-run.sh"
tag=$1; seconds=${2:-150}
jcmd=${KS_JCMD:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd}
d=${KS_WORK:-/tmp/kamerstukken-memprof}/$tag
stage=$d.stage; rm -rf "$stage"; mkdir -p "$stage"; cp "$KS_SET"/* "$stage/"  # copied before `up` starts
up_start "$d" JAVA_TOOL_OPTIONS="-XX:NativeMemoryTracking=summary"
up_await_ready "$d"
assemble=$(pgrep -f assemble-service.jar | head -1)
"$jcmd" "$assemble" VM.native_memory summary > "$d/nmt-ready.txt" 2>&1
mv "$stage"/* "$d/inbox/"
peak=0; end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
  rss=$(awk '/VmRSS/{print $2}' "/proc/$assemble/status")
  echo "$SECONDS $(grep -E 'VmRSS|RssAnon|RssFile|Threads' "/proc/$assemble/status" | awk '{printf "%s%s ", $1, $2}')" >> "$d/samples.txt"
  if [ "$rss" -gt $((peak + 4096)) ]; then
    peak=$rss
    "$jcmd" "$assemble" VM.native_memory summary > "$d/nmt-peak.txt" 2>&1
    cp "/proc/$assemble/status" "$d/status-peak.txt"; cat "/proc/$assemble/smaps" > "$d/smaps-peak.txt"
  fi
  sleep 0.5
done
max=$(grep -o 'VmRSS:[0-9]*' "$d/samples.txt" | cut -d: -f2 | sort -n | tail -1)
echo "$tag: assemble-service peak RSS $max kB in the samples (every 0.5 s: $d/samples.txt)"
up_stop
