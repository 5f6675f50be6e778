#!/bin/bash
# One-shot (docker-compose.yml, elasticsearch-setup): as `elastic`, give Kibana's own user its
# password, create one least-privilege role per role-*.json here (the file name after "role-" is
# the role's name) and the users index-service (role kamerstukken_indexer) and kamerstukken-search
# (role kamerstukken_reader). Idempotent. Nothing to do with security off.
set -euo pipefail
if [ "${ELASTIC_SECURITY}" != "true" ]; then echo "security is off: nothing to set up"; exit 0; fi
es=http://elasticsearch:9200

call() {
  local method=$1 path=$2 body=$3
  until curl -fsS -u "elastic:${ELASTIC_PASSWORD}" -X "$method" -H 'Content-Type: application/json' \
      "$es$path" -d "$body" > /dev/null; do
    echo "waiting to $method $path"; sleep 5
  done
}

call POST /_security/user/kibana_system/_password "{\"password\":\"${KIBANA_PASSWORD}\"}"
for file in /setup/role-*.json; do
  role=$(basename "$file" .json); role=${role#role-}
  call PUT "/_security/role/$role" "$(cat "$file")"
  echo "role $role"
done
call PUT /_security/user/index-service \
  "{\"password\":\"${INDEX_ES_PASSWORD}\",\"roles\":[\"kamerstukken_indexer\"]}"
call PUT /_security/user/kamerstukken-search \
  "{\"password\":\"${SEARCH_ES_PASSWORD}\",\"roles\":[\"kamerstukken_reader\"]}"
echo "kibana_system password, roles and users set"
