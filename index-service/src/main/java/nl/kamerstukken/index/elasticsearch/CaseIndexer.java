package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Kamervraag;

/**
 * Keeps the Kamervraag cases in their alias: one search document per case, id = case key, the
 * event's offset as external version (a case key stays in one partition, so a later event always
 * wins and a late, older one is refused). A tombstone deletes the case. Idempotent: a batch written
 * twice leaves the same state.
 */
public final class CaseIndexer {

  private final BulkWriter writer;

  private CaseIndexer(BulkWriter writer) {
    this.writer = writer;
  }

  public static CaseIndexer create(
      ElasticsearchClient client, IndexTargets targets, BulkLimits limits, MeterRegistry registry) {
    return new CaseIndexer(
        new BulkWriter(
            client,
            targets,
            limits,
            Backoff.standard(),
            delay -> Thread.sleep(delay.toMillis()),
            registry));
  }

  /**
   * Writes the batch (the last event per case key); returns the cases Elasticsearch refused for
   * good, case key to the reason.
   */
  public Map<String, String> write(List<Incoming<Kamervraag>> batch) throws RetryableException {
    Map<String, Incoming<Kamervraag>> last = new LinkedHashMap<>();
    for (Incoming<Kamervraag> event : batch) {
      if (event.key() != null) {
        last.remove(event.key());
        last.put(event.key(), event);
      }
    }
    List<BulkOp> ops = new ArrayList<>();
    for (Incoming<Kamervraag> event : last.values()) {
      ops.add(
          event.isTombstone()
              ? BulkOp.delete(SearchIndex.KAMERVRAGEN, event.key(), event.offset(), event.key())
              : BulkOp.index(
                  SearchIndex.KAMERVRAGEN,
                  event.key(),
                  event.offset(),
                  json(event.value()),
                  event.key()));
    }
    List<ItemResult> results = writer.write(ops);
    Map<String, String> refused = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      if (results.get(i).outcome() == ItemOutcome.REJECTED) {
        refused.put(ops.get(i).id(), results.get(i).errorType() + ": " + results.get(i).reason());
      }
    }
    return refused;
  }

  private static byte[] json(Kamervraag kamervraag) {
    try {
      return Json.mapper().writeValueAsBytes(kamervraag);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a case as JSON: " + e.getMessage(), e);
    }
  }
}
