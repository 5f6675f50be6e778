"""Where the experiment runs, shared by the Python scripts; the shell scripts read the same variables.
  ESX_DIR    work folder: text/, bulks/, es/ (the Elasticsearch instance)  (default /tmp/esexact)
  ESX_PORT   Elasticsearch HTTP port                                        (default 47950)
  ESX_INDEX  which mapping of index-service: documents or qa                (default documents)
  ESX_REPO   the checkout whose index-service resources give the mapping    (default /work/main)
  ESX_CORPUS the corpus with truth/                                         (default /work/shared/corpus)
  BULKS_DIR  where the bulk bodies are                                      (default $ESX_DIR/bulks)"""
import os
DIR = os.environ.get('ESX_DIR', '/tmp/esexact')
ES = 'http://127.0.0.1:' + os.environ.get('ESX_PORT', '47950')
INDEX = os.environ.get('ESX_INDEX', 'documents')
REPO = os.environ.get('ESX_REPO', '/work/main')
CORPUS = os.environ.get('ESX_CORPUS', '/work/shared/corpus')
BULKS = os.environ.get('BULKS_DIR', DIR + '/bulks')
if INDEX not in ('documents', 'qa'):
    raise SystemExit('ESX_INDEX must be documents or qa, not ' + INDEX)
