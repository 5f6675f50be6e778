package nl.kamerstukken.index.consume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.kamerstukken.index.elasticsearch.CaseIndexer;
import nl.kamerstukken.kit.kafka.BatchHandler;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.ReasonCode;

/**
 * Writes a batch of Kamervraag cases to their alias. Returns when every write is acknowledged (or a
 * case Elasticsearch refused for good is dead-lettered), so the worker commits only then.
 */
public final class KamervraagHandler implements BatchHandler<Kamervraag> {

  private final CaseIndexer indexer;
  private final DeadLetters deadLetters;
  private final ChangedCases changed;

  public KamervraagHandler(CaseIndexer indexer, DeadLetters deadLetters) {
    this(indexer, deadLetters, ChangedCases.NONE);
  }

  /**
   * @param changed told what each batch wrote, before the batch counts as done (saved searches)
   */
  public KamervraagHandler(CaseIndexer indexer, DeadLetters deadLetters, ChangedCases changed) {
    this.indexer = indexer;
    this.deadLetters = deadLetters;
    this.changed = changed;
  }

  @Override
  public void handle(List<Incoming<Kamervraag>> batch) throws RetryableException {
    Map<String, String> refused = indexer.write(batch);
    for (Map.Entry<String, String> entry : refused.entrySet()) {
      Incoming<Kamervraag> event =
          batch.stream().filter(e -> entry.getKey().equals(e.key())).reduce((a, b) -> b).get();
      deadLetters.publish(
          entry.getKey(),
          ReasonCode.INDEX_REJECTED,
          "Elasticsearch refused case " + entry.getKey() + ": " + entry.getValue(),
          1,
          event.topic(),
          event.key(),
          event.value());
    }
    Map<String, Kamervraag> written = new LinkedHashMap<>();
    for (Incoming<Kamervraag> event : batch) {
      if (event.key() != null) {
        written.remove(event.key());
        written.put(event.key(), event.value());
      }
    }
    written.keySet().removeAll(refused.keySet());
    written.values().removeIf(Objects::isNull);
    if (!written.isEmpty()) {
      changed.written(List.copyOf(written.values()));
    }
  }
}
