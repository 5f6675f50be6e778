package nl.kamerstukken.index.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.Json;

/**
 * Which alerts were delivered, by idempotency key, in the index {@code
 * <prefix>kamerstukken-alert-deliveries}: written right after the receiver's 2xx and read
 * (real-time get) before each call, so an alert published twice (a batch matched again after a
 * crash) or consumed again (a restart before the commit) is not sent again. Dead-lettered alerts
 * are not recorded, so a re-drive sends them.
 */
public final class DeliveryLedger implements Ledger {

  static final String BASE_NAME = "kamerstukken-alert-deliveries";
  private static final String MAPPING =
      """
      {"settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
       "mappings": {"dynamic": "strict", "properties": {
         "alertName": {"type": "keyword"}, "qaId": {"type": "keyword"},
         "deliveredAt": {"type": "date"}, "status": {"type": "integer"}}}}
      """;

  private final ElasticsearchClient client;
  private final String index;

  public DeliveryLedger(ElasticsearchClient client, String prefix) {
    this.client = client;
    this.index = prefix + BASE_NAME;
  }

  /** Creates the index when it does not exist. */
  public void ensure() throws IOException {
    if (!client.indices().exists(e -> e.index(index)).value()) {
      try {
        client.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING)));
      } catch (ElasticsearchException e) {
        if (!"resource_already_exists_exception".equals(e.error().type())) {
          throw e;
        }
      }
    }
  }

  @Override
  public Set<String> delivered(List<String> keys) throws RetryableException {
    Set<String> found = new HashSet<>();
    if (keys.isEmpty()) {
      return found;
    }
    try {
      MgetResponse<ObjectNode> response =
          client.mget(m -> m.index(index).ids(keys).realtime(true), ObjectNode.class);
      for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
        if (item.isResult() && item.result().found()) {
          found.add(item.result().id());
        }
      }
      return found;
    } catch (IOException | ElasticsearchException e) {
      throw new RetryableException("cannot read the delivery ledger: " + e.getMessage(), e);
    }
  }

  @Override
  public void record(AlertMatch alert, int status, Instant at) throws RetryableException {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("alertName", alert.alertName())
        .put("qaId", alert.qaId())
        .put("deliveredAt", at.toString())
        .put("status", status);
    try {
      client.index(i -> i.index(index).id(alert.idempotencyKey()).document(doc));
    } catch (IOException | ElasticsearchException e) {
      throw new RetryableException(
          "delivered alert ["
              + alert.idempotencyKey()
              + "] but cannot record it: "
              + e.getMessage(),
          e);
    }
  }
}
