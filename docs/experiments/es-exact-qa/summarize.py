#!/usr/bin/env python3
"""Median and all counted runs per variant from a results*.jsonl file (CPU-s per 1000 docs)."""
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
per = {}
for r in rows:
    if r['counted']:
        per.setdefault(r['variant'], []).append(r)
print('| variant | ES CPU-s / 1000 docs, bulk+refresh: median | runs | incl. merges: median | wall-s median | index bytes median (runs) |')
print('|---|---|---|---|---|---|')
med = {}
for v, rs in sorted(per.items()):
    k = 1000 / rs[0]['docs']
    c = [r['cpu_bulk_s'] * k for r in rs]; m = [r['cpu_bulk_merges_s'] * k for r in rs]
    med[v] = statistics.median(c)
    print(f"| {v} | {statistics.median(c):.2f} | {', '.join(f'{x:.2f}' for x in c)} | {statistics.median(m):.2f} | "
          f"{statistics.median(r['wall_bulk_s'] for r in rs):.2f} | {int(statistics.median(r['store_bytes'] for r in rs))} "
          f"({min(r['store_bytes'] for r in rs)}–{max(r['store_bytes'] for r in rs)}) |")
if {'A', 'B', 'C'} <= med.keys():
    print(f"\nA−B (.exact cost): {med['A']-med['B']:+.2f} CPU-s/1000 docs ({(med['A']-med['B'])/med['B']*100:+.0f} % of B); "
          f"C−B (index_phrases cost): {med['C']-med['B']:+.2f} ({(med['C']-med['B'])/med['B']*100:+.0f} % of B); C−A: {med['C']-med['A']:+.2f}")
