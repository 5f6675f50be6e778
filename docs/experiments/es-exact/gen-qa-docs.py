#!/usr/bin/env python3
"""Builds ~1000 kamerstukken-qa search documents (one question with its answer each, like index-service's
QaDoc + SharedFields) from the corpus truth and the PDFBox text in $ESX_DIR/text, and writes them as
NDJSON bulk bodies of 100 index operations into $BULKS_DIR/NNNN.ndjson.

The truth gives per question/answer its label numbers and its first 8 / last 6 words, not the full text, so
each entry's full text is cut out of the PDF text: from where the truth's `start` words occur to the first
following occurrence of its `end` words (word-level match after lower-casing and keeping letters/digits,
line-end hyphenation joined, as the truth's scoring rule does). Entries that cannot be located are skipped.
Questions are paired with the answer(s) that share a number (as QaPairing does for the usual layouts).
Variation per copy: new documentKey/documentId, the sentences of the question and of the answer shuffled."""
import glob, json, os, random, re, sys
import settings

N_DOCS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
BULK = 100
random.seed(42)
TRUTH = settings.CORPUS + '/truth'
TEXT = settings.DIR + '/text'
OUTDIR = settings.BULKS

def norm(w):
    return re.sub(r'[^0-9a-zà-ÿ]', '', w.lower())

def words_of(raw):
    raw = re.sub(r'(\w)-\n\s*([a-zà-ÿ])', r'\1\2', raw)        # line-end hyphenation joined
    orig = raw.split()
    # footnote reference digits glued to a word ("regenboogbeleid»?1") are dropped for matching
    pairs = [(w, norm(re.sub(r'(?<=[^\W\d_])([^\w\s]*)\d{1,2}$', r'\1', w))) for w in orig]
    return [p for p in pairs if p[1]]                        # drop pure-punctuation tokens

def find(seq, pat, frm=0):
    n = len(pat)
    for i in range(frm, len(seq) - n + 1):
        if seq[i:i + n] == pat:
            return i
    return -1

def locate(words, entry, frm):
    nw = [w[1] for w in words]
    s = [norm(x) for x in entry['start'].split() if norm(x)]
    e = [norm(x) for x in entry['end'].split() if norm(x)]
    i = find(nw, s, frm)
    if i < 0:
        i = find(nw, s, 0)
    if i < 0:
        return None, frm
    j = find(nw, e, i + len(s) - min(len(s), len(e)))
    if j < 0 or j - i > 3000:
        return None, frm
    text = ' '.join(w[0] for w in words[i:j + len(e)])
    if re.search(r'\b(Vraag|Antwoord)\s+\d', text):      # ran over the next label: not located
        return None, frm
    return text, j + len(e)

pairs_src = []   # (truth, question text, answer text, qnums, anums, position)
for tp in sorted(glob.glob(TRUTH + '/*.json')):
    t = json.load(open(tp, encoding='utf-8'))
    name = os.path.basename(tp)[:-5]
    txt = os.path.join(TEXT, name + '.txt')
    if not (t.get('questions') or t.get('answers')) or not os.path.exists(txt):
        continue
    words = words_of(open(txt, encoding='utf-8').read())
    qs, pos = [], 0
    for q in t.get('questions') or []:
        text, pos = locate(words, q, pos)
        qs.append((q['numbers'], text))
    ans = []
    for a in t.get('answers') or []:
        text, pos = locate(words, a, pos)
        ans.append((a['numbers'], text))
    found = sum(1 for _, x in qs + ans if x)
    print(f'{name}: {len(qs)} questions, {len(ans)} answers, located {found}', file=sys.stderr)
    position = 0
    for qn, qt in qs:
        if not qt:
            continue
        matching = [(an, at) for an, at in ans if at and set(an) & set(qn)]
        anums = sorted({n for an, _ in matching for n in an}, key=lambda x: (len(x), x))
        at = '\n\n'.join(dict.fromkeys(at for _, at in matching)) or None
        position += 1
        pairs_src.append((name, t, qt, at, qn, anums, position))
print(f'{len(pairs_src)} real Q&A pairs from {len({p[0] for p in pairs_src})} documents', file=sys.stderr)

def shuffled(text):
    if not text:
        return text
    parts = [p for p in re.split(r'\n\n', text)]
    out = []
    for p in parts:
        sents = re.split(r'(?<=[.?!])\s+(?=[A-Z0-9“"(])', p)
        random.shuffle(sents)
        out.append(' '.join(sents))
    return '\n\n'.join(out)

def ministries(md):
    out = []
    for x in (md.get('answeredBy') or []) + (md.get('addressedTo') or []):
        m = re.search(r'(minister|staatssecretaris)\s+(van|voor)\s+(.*)', x, re.I)
        if m and m.group(3) not in out:
            out.append(m.group(3))
    return out

os.makedirs(OUTDIR, exist_ok=True)
for f in glob.glob(OUTDIR + '/*.ndjson'):
    os.remove(f)
qbytes = abytes = tbytes = 0
out = None
for i in range(N_DOCS):
    name, t, qt, at, qn, an, position = pairs_src[i % len(pairs_src)]
    copy = i // len(pairs_src)
    if copy > 0:
        qt, at = shuffled(qt), shuffled(at)
    md = t.get('metadata') or {}
    key = f'bench-{i:05d}'
    title = md.get('title') or name
    doc = {
        'documentKey': key, 'documentId': f'{i:064x}',
        'identifier': t.get('identifier') or name, 'documentType': t.get('docType') or 'other',
        'parliamentaryYear': md.get('parliamentaryYear'),
        'dossierNumber': md.get('dossierNumber'), 'documentNumber': md.get('documentNumber'),
        'title': title, 'date': md.get('date'),
        'askedBy': md.get('askedBy') or [], 'parties': md.get('parties') or [],
        'addressedTo': md.get('addressedTo') or [], 'answeredBy': md.get('answeredBy') or [],
        'ministry': ministries(md),
        'submittedDate': md.get('submittedDate'), 'receivedDate': md.get('receivedDate'),
        'zaakNumbers': md.get('zaakNumbers') or [], 'documentNumbers': md.get('documentNumbers') or [],
        'committee': md.get('committee'),
        'source': {'fileName': name + '.pdf', 'sha256': f'{i:064x}', 'mediaType': 'application/pdf',
                   'sizeBytes': 100000 + i},
        'receivedAt': '2026-12-03T12:00:00Z', 'parsedAt': '2026-12-03T12:00:01Z',
        'position': position, 'questionNumbers': qn, 'answerNumbers': an,
        'questionText': qt, 'answerText': at, 'answered': at is not None,
        'questionPages': [1], 'answerPages': [2] if at else [],
        'references': [],
    }
    doc = {k: v for k, v in doc.items() if v is not None}
    if i % BULK == 0:
        if out:
            out.close()
        out = open(f'{OUTDIR}/{i // BULK:04d}.ndjson', 'w', encoding='utf-8')
    out.write(json.dumps({'index': {'_id': f'{key}-{position}'}}) + '\n' + json.dumps(doc, ensure_ascii=False) + '\n')
    qbytes += len(qt.encode()); abytes += len((at or '').encode()); tbytes += len(title.encode())
out.close()
print(f'{N_DOCS} docs; questionText {qbytes} B, answerText {abytes} B, title {tbytes} B, '
      f'total text in .exact fields {qbytes + abytes + tbytes} B', file=sys.stderr)
