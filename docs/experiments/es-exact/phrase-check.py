#!/usr/bin/env python3
"""Compares match_phrase on text.exact in index A (what the project does for "quoted phrases") with
match_phrase on the stemmed text field in index C (index_phrases: true). Hits are counted as distinct
source texts (each source text is indexed ~50 times with shuffled paragraphs). Needs esexact-documents-a
and esexact-documents-c (left by bench.py with ESX_INDEX=documents)."""
import json, urllib.request
import settings
ES = settings.ES
def search(index, field, phrase, size=2000):
    q = {'size': size, '_source': ['documentId'], 'query': {'match_phrase': {field: phrase}},
         'highlight': {'fields': {field: {'number_of_fragments': 1, 'fragment_size': 80}}}}
    r = urllib.request.Request(f'{ES}/{index}/_search', json.dumps(q).encode(), headers={'Content-Type': 'application/json'})
    hits = json.load(urllib.request.urlopen(r))['hits']['hits']
    srcs, examples = set(), {}
    for h in hits:
        src = h['_source']['documentId'].split('-', 2)[2]
        srcs.add(src)
        if src not in examples and 'highlight' in h:
            examples[src] = h['highlight'][field][0].replace('\n', ' ')
    return len(hits), srcs, examples
PHRASES = ['ruimtelijke knelpunten', 'ruimtelijk knelpunt', 'vragen van het lid', 'de wachtlijst',
           'kritiek op besluit', 'vraag over de leden']
for p in PHRASES:
    na, sa, _ = search('esexact-documents-a', 'text.exact', p)
    nc, sc, ex = search('esexact-documents-c', 'text', p)
    print(f'"{p}": A text.exact: {na} docs / {len(sa)} source texts; C text (stemmed, index_phrases): {nc} docs / {len(sc)} source texts')
    for s in sorted(sc - sa)[:3]:
        print(f'    only C: {s}: …{ex.get(s, "")}…')
