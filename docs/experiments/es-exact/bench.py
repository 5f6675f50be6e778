#!/usr/bin/env python3
"""Usage: bench.py [ROUNDS=3] [WARMUPS=1] [OUT=results.jsonl]. WARMUPS x (A B C) not counted, then ROUNDS x (A B C) interleaved. Per run: delete + create the
index, bulk-index $BULKS_DIR/*.ndjson sequentially (100 docs per bulk), refresh; ES server JVM CPU
(utime+stime from /proc/<pid>/stat) is read right before the first bulk and right after the refresh
("bulk"), and again once the index has no running merges ("bulk+merges"). Index bytes from
_cat/indices?bytes=b after merges settle (no force-merge). Results appended to results.jsonl."""
import glob, json, os, statistics, sys, time, urllib.request
from mappings import body
import settings

ES = settings.ES
PID = int(open(settings.DIR + '/es/elasticsearch.pid').read().strip())
HZ = os.sysconf('SC_CLK_TCK')
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
WARMUPS = int(sys.argv[2]) if len(sys.argv) > 2 else 1
OUT = sys.argv[3] if len(sys.argv) > 3 else settings.DIR + '/results.jsonl'
BULKS = [open(f, 'rb').read() for f in sorted(glob.glob(settings.BULKS + '/*.ndjson'))]
NDOCS = sum(b.count(b'\n') // 2 for b in BULKS)

def req(method, path, data=None, ctype='application/json'):
    r = urllib.request.Request(ES + path, data=data, method=method, headers={'Content-Type': ctype})
    try:
        with urllib.request.urlopen(r, timeout=600) as resp:
            return json.loads(resp.read() or b'null')
    except urllib.error.HTTPError as e:
        if e.code == 404 and method in ('DELETE',):
            return None
        raise RuntimeError(f'{method} {path}: {e.code} {e.read()[:500]}')

def cpu():
    f = open(f'/proc/{PID}/stat').read()
    rest = f[f.rindex(')') + 2:].split()
    return (int(rest[11]) + int(rest[12])) / HZ   # fields 14 utime, 15 stime

def idle_rate(seconds=10):
    c0, t0 = cpu(), time.time(); time.sleep(seconds)
    return (cpu() - c0) / (time.time() - t0)

def run(variant, counted, idle):
    name = f'esexact-{settings.INDEX}-{variant.lower()}'
    req('DELETE', '/' + name)
    b, _ = body(variant, settings.INDEX)
    req('PUT', '/' + name, json.dumps(b).encode())
    req('GET', f'/_cluster/health/{name}?wait_for_status=green&timeout=30s')
    time.sleep(3)
    c0, t0 = cpu(), time.time()
    for bulk in BULKS:
        r = req('POST', f'/{name}/_bulk', bulk, 'application/x-ndjson')
        if r['errors']:
            raise RuntimeError(json.dumps([i for i in r['items'] if 'error' in i['index']][:2]))
    req('POST', f'/{name}/_refresh')
    c1, t1 = cpu(), time.time()
    while True:
        s = req('GET', f'/{name}/_stats/merge')
        if s['_all']['total']['merges']['current'] == 0:
            break
        time.sleep(0.2)
    c2, t2 = cpu(), time.time()
    req('POST', f'/{name}/_refresh')
    cat = req('GET', f'/_cat/indices/{name}?bytes=b&format=json')[0]
    seg = req('GET', f'/_cat/segments/{name}?format=json')
    res = {'variant': variant, 'counted': counted, 'docs': int(cat['docs.count']),
           'cpu_bulk_s': round(c1 - c0, 2), 'wall_bulk_s': round(t1 - t0, 2),
           'cpu_bulk_merges_s': round(c2 - c0, 2), 'wall_bulk_merges_s': round(t2 - t0, 2),
           'idle_cpu_per_s': round(idle, 4),
           'store_bytes': int(cat['store.size']), 'segments': len(seg),
           'time': time.strftime('%H:%M:%S')}
    assert res['docs'] == NDOCS, res
    print(json.dumps(res), flush=True)
    with open(OUT, 'a') as f:
        f.write(json.dumps(res) + '\n')
    return res

if __name__ == '__main__':
    print(f'ES pid {PID}, CLK_TCK {HZ}, {NDOCS} docs in {len(BULKS)} bulks, {sum(map(len, BULKS))} bytes', flush=True)
    idle = idle_rate()
    print(f'idle ES CPU: {idle:.4f} cpu-s/s', flush=True)
    for w in range(WARMUPS):
        for v in 'ABC':
            run(v, False, idle)
    for r in range(ROUNDS):
        for v in 'ABC':
            run(v, True, idle)
    idle2 = idle_rate()
    print(f'idle ES CPU after: {idle2:.4f} cpu-s/s', flush=True)
