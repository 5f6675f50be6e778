package nl.kamerstukken.index.replay;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.index.consume.IndexingHandler;
import nl.kamerstukken.index.consume.KamervraagHandler;
import nl.kamerstukken.index.elasticsearch.CaseIndexer;
import nl.kamerstukken.index.elasticsearch.DocumentIndexer;
import nl.kamerstukken.index.elasticsearch.IndexLayout;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.IndexTargets;
import nl.kamerstukken.index.elasticsearch.IndexVersions;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.BatchHandler;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.kit.kafka.TopicReader;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds the search indices from the Kamerstukken and Kamervragen topics, while searches and the
 * running index-service go on.
 *
 * <ol>
 *   <li>Put the templates as this code and cluster want them now ({@link IndexSetup#ensure()}:
 *       analysis probed again, so a cluster that gained {@code dutch} gets it), create {@code
 *       <alias>-v<n+1>}.
 *   <li>Read the compacted Kamerstukken and Kamervragen topics from the beginning up to the end
 *       offsets taken at the start, with a consumer outside any group, and index it with the
 *       service's own code into the new indices.
 *   <li>Catch up with what arrived meanwhile (a few rounds), then switch both aliases in one atomic
 *       request.
 *   <li>Events that arrived until the switch were written by the running service into the old
 *       indices only: read again from where step 3 stopped up to the end offsets taken after the
 *       switch. Later events the service writes through the aliases, into the new indices. Writes
 *       are idempotent and versioned, so reading an event twice is harmless.
 *   <li>Keep the previous version (to switch back by hand), delete older ones.
 * </ol>
 *
 * If anything fails before the switch, the new indices are deleted and the aliases stay as they
 * were.
 */
public final class Reindexer {

  private static final int BATCH = 500;
  private static final int CATCH_UP_ROUNDS = 5;
  private static final int MAX_ATTEMPTS = 8;

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final KafkaSettings kafka;
  private final BulkLimits limits;

  private Reindexer(
      ElasticsearchClient client, IndexNames names, KafkaSettings kafka, BulkLimits limits) {
    this.client = client;
    this.names = names;
    this.kafka = kafka;
    this.limits = limits;
  }

  public static Reindexer create(
      ElasticsearchClient client, IndexNames names, KafkaSettings kafka, BulkLimits limits) {
    return new Reindexer(client, names, kafka, limits);
  }

  /** Rebuilds; {@code progress} gets one line per step. */
  public ReindexReport run(Consumer<String> progress) throws Exception {
    long started = System.nanoTime();
    IndexLayout layout = new IndexSetup(client, names).ensure();
    IndexVersions versions = new IndexVersions(client, names);
    Map<SearchIndex, String> previous = versions.current();
    Map<SearchIndex, String> next = versions.create(versions.nextVersion());
    progress.accept(
        "building "
            + next.values()
            + " beside "
            + previous.values()
            + " (analysis "
            + layout.analysis()
            + ")");
    long events;
    try (EventPublisher publisher = EventPublisher.create(kafka);
        TopicReader<Kamerstuk> reader =
            TopicReader.open(kafka, Topics.KAMERSTUKKEN, "reindex", BATCH);
        TopicReader<Kamervraag> caseReader =
            TopicReader.open(kafka, Topics.KAMERVRAGEN, "reindex", BATCH)) {
      IndexTargets targets = IndexTargets.indices(next);
      Replay<Kamerstuk> replay = new Replay<>(reader, handler(publisher, targets));
      Replay<Kamervraag> cases = new Replay<>(caseReader, caseHandler(publisher, targets));
      try {
        replay.fillAndCatchUp(progress);
        cases.fillAndCatchUp(progress);
        refresh(next);
        versions.switchAliases(previous, next);
      } catch (Exception e) {
        versions.delete(next.values());
        throw e;
      }
      progress.accept("aliases switched to " + next.values());
      replay.readTo(reader.end());
      cases.readTo(caseReader.end());
      events = replay.events + cases.events;
    }
    List<String> deleted =
        versions.deleteBelow(IndexVersions.versionOf(previous.get(SearchIndex.QA)));
    refresh(next);
    return new ReindexReport(
        previous,
        next,
        new IndexSetup(client, names).inspect().get(SearchIndex.QA),
        events,
        count(next.get(SearchIndex.DOCUMENTS)),
        count(next.get(SearchIndex.QA)),
        deleted,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Reading one topic into the new indices, remembering how far it got. */
  private static final class Replay<V> {
    private final TopicReader<V> reader;
    private final BatchHandler<V> handler;
    private Map<TopicPartition, Long> position;
    private long events;

    Replay(TopicReader<V> reader, BatchHandler<V> handler) {
      this.reader = reader;
      this.handler = handler;
      this.position = reader.beginning();
    }

    /** Everything up to the end offsets of now, then a few rounds for what arrived meanwhile. */
    void fillAndCatchUp(Consumer<String> progress) throws Exception {
      readTo(reader.end());
      progress.accept(
          "indexed "
              + events
              + " event(s) of "
              + reader.topicName()
              + " up to the end offsets taken at the start");
      for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
        Map<TopicPartition, Long> end = reader.end();
        if (TopicReader.distance(position, end) == 0) {
          return;
        }
        readTo(end);
      }
    }

    void readTo(Map<TopicPartition, Long> end) throws Exception {
      events += reader.read(position, end, this::handle);
      position = end;
    }

    /** One batch, retried with backoff while Elasticsearch or Kafka is briefly unavailable. */
    private void handle(List<Incoming<V>> batch) throws Exception {
      for (int attempt = 1; ; attempt++) {
        try {
          handler.handle(batch);
          return;
        } catch (RetryableException e) {
          if (attempt >= MAX_ATTEMPTS) {
            throw e;
          }
          Thread.sleep(Backoff.standard().delay(attempt).toMillis());
        }
      }
    }
  }

  private IndexingHandler handler(EventPublisher publisher, IndexTargets targets) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeadLetters deadLetters =
        new DeadLetters(publisher, kafka.topic(Topics.DEAD_LETTER), Stage.INDEX, Clock.systemUTC());
    return new IndexingHandler(
        DocumentIndexer.create(client, targets, limits, registry), deadLetters, registry);
  }

  private KamervraagHandler caseHandler(EventPublisher publisher, IndexTargets targets) {
    DeadLetters deadLetters =
        new DeadLetters(publisher, kafka.topic(Topics.DEAD_LETTER), Stage.INDEX, Clock.systemUTC());
    return new KamervraagHandler(
        CaseIndexer.create(client, targets, limits, new SimpleMeterRegistry()), deadLetters);
  }

  private void refresh(Map<SearchIndex, String> indices) throws Exception {
    client.indices().refresh(r -> r.index(List.copyOf(indices.values())));
  }

  private long count(String index) throws Exception {
    return client.count(c -> c.index(index)).count();
  }
}
