#!/usr/bin/env python3
"""Builds ~1000 kamerstukken-documents search documents from the corpus texts (PDFBox-extracted into
$ESX_DIR/text) and writes them as NDJSON bulk bodies of 100 index operations each into
$BULKS_DIR/NNNN.ndjson (the same bodies for every variant; the index name is in the URL).
Variation per copy: a new documentKey/documentId, paragraphs (chunks of ~6 lines, or Vraag/Antwoord
blocks) in a shuffled order, and a copy number in the title."""
import glob, json, os, random, re, sys
import settings

N_DOCS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
BULK = 100
random.seed(42)
truth_dir = settings.CORPUS + '/truth'
texts = []
for path in sorted(glob.glob(settings.DIR + '/text/*.txt')):
    name = os.path.basename(path)[:-4]
    raw = open(path, encoding='utf-8').read()
    if len(raw) < 1000:          # the scan (no text layer) and near-empty files
        continue
    t = {}
    tp = os.path.join(truth_dir, name + '.json')
    if os.path.exists(tp):
        t = json.load(open(tp, encoding='utf-8'))
    lines = [l.strip() for l in raw.splitlines() if l.strip()]
    # paragraphs: a new one at each Vraag/Antwoord label, else every 6 lines
    paras, cur = [], []
    for l in lines:
        if (re.match(r'^(Vraag|Antwoord)\b', l) and cur) or len(cur) >= 6:
            paras.append(' '.join(cur)); cur = []
        cur.append(l)
    if cur: paras.append(' '.join(cur))
    texts.append((name, t, paras))
print(f'{len(texts)} source texts', file=sys.stderr)

os.makedirs(settings.BULKS, exist_ok=True)
for f in glob.glob(settings.BULKS + '/*.ndjson'): os.remove(f)
total_bytes = 0; sizes = []
out = None
for i in range(N_DOCS):
    name, t, paras = texts[i % len(texts)]
    copy = i // len(texts)
    p = paras[:]
    if copy > 0:
        random.shuffle(p)
    md = t.get('metadata') or {}
    text = '\n\n'.join(p)
    title = (md.get('title') or name)
    doc = {
        'documentKey': f'bench-{i:05d}', 'documentId': f'bench-{i:05d}-{name}',
        'identifier': t.get('identifier') or name, 'documentType': t.get('docType') or 'other',
        'parliamentaryYear': md.get('parliamentaryYear'),
        'title': f'{title} (kopie {copy})',
        'askedBy': md.get('askedBy') or [], 'parties': md.get('parties') or [],
        'addressedTo': md.get('addressedTo') or [], 'answeredBy': md.get('answeredBy') or [],
        'zaakNumbers': md.get('zaakNumbers') or [],
        'source': {'fileName': name + '.pdf', 'sha256': f'{i:064x}', 'mediaType': 'application/pdf',
                   'sizeBytes': len(text.encode())},
        'pageCount': max(1, len(text) // 3000), 'text': text,
        'questionCount': len(t.get('questions') or []), 'answerCount': len(t.get('answers') or []),
    }
    doc = {k: v for k, v in doc.items() if v is not None}
    if i % BULK == 0:
        if out: out.close()
        out = open(f'{settings.BULKS}/{i // BULK:04d}.ndjson', 'w', encoding='utf-8')
    line = json.dumps(doc, ensure_ascii=False)
    out.write(json.dumps({'index': {'_id': doc['documentKey']}}) + '\n' + line + '\n')
    total_bytes += len(text.encode()); sizes.append(len(text.encode()))
out.close()
sizes.sort()
print(f'{N_DOCS} docs, text bytes total {total_bytes}, median {sizes[len(sizes)//2]}, min {sizes[0]}, max {sizes[-1]}', file=sys.stderr)
