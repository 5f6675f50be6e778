"""Index bodies for the three variants, built from the project's own resources (read-only) and the
HUNSPELL analysis of index-service's Analysis.java (what the local node with hunspell-nl gets).
  A: as the project has it (kamerstukken-<index>: common + <index> properties, with .exact)
  B: the same without the .exact subfields
  C: without .exact, index_phrases: true on the fields that had .exact (documents: title, text;
     qa: title, questionText, answerText)"""
import copy, json
import settings
RES = settings.REPO + '/index-service/src/main/resources/nl/kamerstukken/index/elasticsearch/'

def analysis():  # Analysis.HUNSPELL.settings()
    return {
        'filter': {
            'kamerstukken_dutch_stop': {'type': 'stop', 'stopwords': '_dutch_'},
            'kamerstukken_dutch_hunspell': {'type': 'hunspell', 'locale': 'nl_NL', 'dedup': True},
        },
        'analyzer': {
            'kamerstukken_text': {'type': 'custom', 'tokenizer': 'standard',
                                  'filter': ['lowercase', 'kamerstukken_dutch_stop', 'kamerstukken_dutch_hunspell']},
            'kamerstukken_exact': {'type': 'custom', 'tokenizer': 'standard', 'filter': ['lowercase']},
        },
    }

def mappings(variant, index=settings.INDEX):  # IndexBodies.mappings(SearchIndex.DOCUMENTS or QA)
    props = {}
    props.update(json.load(open(RES + 'common-properties.json')))
    props.update(json.load(open(RES + f'{index}-properties.json')))
    props = copy.deepcopy(props)
    changed = []
    for name, field in props.items():
        sub = field.get('fields', {})
        if field.get('type') == 'text' and 'exact' in sub:
            if variant in ('B', 'C'):
                del sub['exact']
                if not sub:
                    del field['fields']
            if variant == 'C':
                field['index_phrases'] = True
            changed.append(name)
    return {'dynamic': 'strict', 'properties': props}, changed

def body(variant, index=settings.INDEX):
    m, changed = mappings(variant, index)
    return {'settings': {'number_of_shards': 1, 'number_of_replicas': 0,  # IndexBodies.settings; 0 replicas on one node
                         'refresh_interval': '1s',
                         'analysis': analysis()},
            'mappings': m}, changed

if __name__ == '__main__':
    import sys
    b, changed = body(sys.argv[1] if len(sys.argv) > 1 else 'A')
    print(json.dumps(b, indent=1, ensure_ascii=False)); print('fields with .exact in the project:', changed, file=sys.stderr)
