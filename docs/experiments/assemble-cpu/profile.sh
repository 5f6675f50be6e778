#!/bin/bash
# profile.sh TAG [VAR=value ...]: one `./kamerstukken up`; KS_COLD (a bench run's round-1/cold-set) dropped at once to
# warm every JVM, then, once assemble-service is idle, a JFR recording of assemble-service while KS_WARM
# (round-1/set-1000: other documents) is dropped at once. Prints assemble-service's CPU seconds for each
# set (utime + stime of /proc/PID/stat) and writes the recording's hottest frames to TAG/hot.txt.
# Work folder: $KS_WORK (default /tmp/kamerstukken-cpu); ports as ../up-run.sh says.
# KS_PROCESS (a `pgrep -f` pattern, default assemble-service.jar) picks another process to record, e.g.
# ParseWorkerMain for the first parse worker.
# Before it, one `up` started and stopped without JFR: after a build the services train their AOT
# caches, and on JDK 25.0.3 a training JVM with a JFR recording attached crashed writing its cache at
# exit (SIGSEGV in MethodTrainingData::cleanup, three times; the one training run without JFR wrote it).
set -u
. "$(dirname "$0")/../up-run.sh"
tag=$1; shift
jdk=${KS_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
d=${KS_WORK:-/tmp/kamerstukken-cpu}/$tag
cold=$d.cold; warm=$d.warm; rm -rf "$cold" "$warm"; mkdir -p "$cold" "$warm"
cp "$KS_COLD"/* "$cold/"; cp "$KS_WARM"/* "$warm/"   # copied before `up` starts
hz=$(getconf CLK_TCK)
cpu() { awk -v hz="$hz" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
# Waits until the process used under 0.1 CPU-s in 3 s, twice in a row (the set has gone through).
idle() {
  local quiet=0 a b
  while [ $quiet -lt 2 ]; do
    a=$(cpu "$1"); sleep 3; b=$(cpu "$1")
    if awk -v a="$a" -v b="$b" 'BEGIN{exit !(b - a < 0.1)}'; then quiet=$((quiet + 1)); else quiet=0; fi
  done
}
up_start "$d" "$@"; up_await_ready "$d" || { echo "up not ready"; exit 1; }; up_stop
up_start "$d" "$@"
up_await_ready "$d" || { echo "up not ready"; exit 1; }
process=${KS_PROCESS:-assemble-service.jar}
until pid=$(pgrep -f "$process" | head -1); do sleep 0.5; done
c0=$(cpu "$pid"); mv "$cold"/* "$d/inbox/"; sleep 10; idle "$pid"; c1=$(cpu "$pid")
"$jdk/bin/jcmd" "$pid" JFR.start name=p settings=profile filename="$d/warm.jfr" > /dev/null
mv "$warm"/* "$d/inbox/"; sleep 10; idle "$pid"; c2=$(cpu "$pid")
"$jdk/bin/jcmd" "$pid" JFR.stop name=p > /dev/null
echo "$tag: $process CPU s: cold set $(awk -v a="$c0" -v b="$c1" 'BEGIN{print b - a}'), warm set $(awk -v a="$c1" -v b="$c2" 'BEGIN{print b - a}') (JFR on, idle waits included)"
up_stop
# Self time (top frame) and total time (any frame) per method, from the execution samples.
"$jdk/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$d/warm.jfr" > "$d/samples.txt"
python3 - "$d/samples.txt" > "$d/hot.txt" <<'PY'
import re, sys, collections
top, anyf, n = collections.Counter(), collections.Counter(), 0
for block in open(sys.argv[1]).read().split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+)\(", block, re.M)
    if not frames: continue
    n += 1; top[frames[0]] += 1
    for f in set(frames): anyf[f] += 1
print(f"{n} samples\n-- self --")
for f, c in top.most_common(40): print(f"{100*c/n:5.1f}% {f}")
print("-- total --")
for f, c in anyf.most_common(80): print(f"{100*c/n:5.1f}% {f}")
PY
head -50 "$d/hot.txt"
