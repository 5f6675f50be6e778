#!/bin/bash
# One-shot (docker-compose.yml, kafka-setup): as the super user `admin` (SASL/PLAIN), create the
# services' SCRAM-SHA-512 users, the pipeline's topics (as TopicAdmin would: received and parsed
# compacted, dead letters kept 90 days) and the ACLs in acls.txt. Idempotent: safe on every start.
set -euo pipefail
bin=/opt/kafka/bin
server=kafka:9092
config=/tmp/admin.properties
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${ADMIN_PASSWORD}";
PROPERTIES

until "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$server" --command-config "$config" > /dev/null 2>&1; do
  echo "waiting for Kafka"; sleep 3
done

user() {
  "$bin/kafka-configs.sh" --bootstrap-server "$server" --command-config "$config" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
  echo "user $1"
}
user ingest-service "$INGEST_PASSWORD"
user parse-service "$PARSE_PASSWORD"
user assemble-service "$ASSEMBLE_PASSWORD"
user index-service "$INDEX_PASSWORD"
user minio "$MINIO_PASSWORD"
user kamerstukken-operator "$OPERATOR_PASSWORD"

topic() {
  "$bin/kafka-topics.sh" --bootstrap-server "$server" --command-config "$config" --create --if-not-exists \
    --topic "$1" --partitions "$PARTITIONS" --replication-factor 1 "${@:2}"
}
compacted=(--config cleanup.policy=compact --config retention.ms=-1 --config max.message.bytes=16777216)
topic kamerstukken.documents.received "${compacted[@]}"
topic kamerstukken.documents.parsed "${compacted[@]}"
topic kamerstukken.kamerstukken "${compacted[@]}"
topic kamerstukken.kamervragen "${compacted[@]}"
topic kamerstukken.alerts.subscriptions "${compacted[@]}"
topic kamerstukken.alerts --config cleanup.policy=delete --config retention.ms=2592000000 \
  --config max.message.bytes=16777216
topic kamerstukken.documents.dlq --config cleanup.policy=delete --config retention.ms=7776000000 \
  --config max.message.bytes=16777216
topic kamerstukken.s3-events --config retention.ms=86400000

grep -v '^\s*\(#\|$\)' /setup/acls.txt | while read -r principal operation resource pattern name; do
  case "$resource" in
    TOPIC) target=(--topic "$name") ;;
    GROUP) target=(--group "$name") ;;
    TRANSACTIONAL_ID) target=(--transactional-id "$name") ;;
    *) echo "unknown resource type $resource in acls.txt" >&2; exit 1 ;;
  esac
  "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config "$config" --add \
    --allow-principal "$principal" --operation "$operation" --resource-pattern-type "$pattern" \
    "${target[@]}" > /dev/null
  echo "ACL $principal $operation $resource $pattern $name"
done
echo "Kafka users, topics and ACLs are set up"
