package nl.kamerstukken.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.kit.schema.EventCheck;
import nl.kamerstukken.kit.schema.EventSchema;
import nl.kamerstukken.model.JsonSerde;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The at-least-once loop every consuming service runs: poll a batch, let the {@link BatchHandler}
 * make its effects durable, then commit exactly those offsets. Nothing is committed before its
 * effect, so a crash at any point means redelivery, never loss; handlers make redelivery harmless
 * with stable ids.
 *
 * <p>A {@link RetryableException} pauses consumption and offers the same batch again with
 * exponential backoff (the service neither spins nor drops while, say, Elasticsearch is down). Each
 * record is checked against its topic's JSON Schema (and its key against the event's document id)
 * before it is read: a record that is not a valid event is dead-lettered ({@code INVALID_EVENT},
 * with the validation error) and skipped, and the loop goes on. Any other exception ends the loop:
 * {@link #run} rethrows it so the supervisor can stop the service loudly.
 */
public final class ConsumerWorker<V> implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerWorker.class);
  private static final Duration POLL = Duration.ofMillis(250);

  /** Where the loop is; readiness is {@code RUNNING}. */
  public enum State {
    STARTING,
    RUNNING,
    RETRYING,
    STOPPED,
    FAILED
  }

  private final String name;
  private final Consumer<String, byte[]> consumer;
  private final Topic<String, V> topic;
  private final EventSchema schema;
  private final BatchHandler<V> handler;
  private final DeadLetters deadLetters;
  private final Backoff backoff;

  /**
   * Records in hand but not yet committed; pruned when their partition moves to another instance.
   */
  private final List<ConsumerRecord<String, byte[]>> holding = new ArrayList<>();

  private final Counter processed;
  private final Counter retries;
  private final Counter invalid;
  private final Timer batchTime;
  private volatile boolean running = true;
  private volatile State state = State.STARTING;
  private volatile String lastProblem = "";

  public ConsumerWorker(
      String name,
      Consumer<String, byte[]> consumer,
      Topic<String, V> topic,
      BatchHandler<V> handler,
      DeadLetters deadLetters,
      Backoff backoff,
      MeterRegistry registry) {
    this.name = name;
    this.consumer = consumer;
    this.topic = topic;
    this.schema = EventSchema.of(topic);
    this.handler = handler;
    this.deadLetters = deadLetters;
    this.backoff = backoff;
    this.processed =
        Counter.builder("kamerstukken.worker.records").tag("worker", name).register(registry);
    this.retries =
        Counter.builder("kamerstukken.worker.retries").tag("worker", name).register(registry);
    this.invalid =
        Counter.builder("kamerstukken.worker.invalid.events")
            .tag("worker", name)
            .register(registry);
    this.batchTime =
        Timer.builder("kamerstukken.worker.batch")
            .tag("worker", name)
            .publishPercentileHistogram()
            .register(registry);
  }

  /**
   * A worker with its own consumer in {@code groupId}; the consumer's metrics (lag) go to the
   * registry.
   */
  public static <V> ConsumerWorker<V> create(
      String name,
      KafkaSettings settings,
      String groupId,
      int maxPollRecords,
      Topic<String, V> topic,
      BatchHandler<V> handler,
      DeadLetters deadLetters,
      MeterRegistry registry) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(settings.consumer(groupId, maxPollRecords));
    new KafkaClientMetrics(consumer).bindTo(registry);
    return new ConsumerWorker<>(
        name, consumer, topic, handler, deadLetters, Backoff.standard(), registry);
  }

  public State state() {
    return state;
  }

  /** Why the worker is retrying or failed; empty when all is well. */
  public String lastProblem() {
    return lastProblem;
  }

  /**
   * Readiness of the loop: up while it consumes normally; down (with the reason) while retrying or
   * dead.
   */
  public HealthCheck.Status health() {
    State now = state;
    String detail = now + (lastProblem.isEmpty() ? "" : ": " + lastProblem);
    return now == State.RUNNING ? HealthCheck.Status.up(detail) : HealthCheck.Status.down(detail);
  }

  /** Asks the loop to stop after the batch in hand; uncommitted work is left for redelivery. */
  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic.name()), new Rebalance());
      state = State.RUNNING;
      while (running) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        consumer.poll(POLL).forEach(batch::add);
        if (!batch.isEmpty()) {
          handleUntilDone(batch);
        }
      }
      state = State.STOPPED;
    } catch (RuntimeException | Error e) {
      fail(e);
      throw e;
    } catch (Exception e) {
      fail(e);
      throw new IllegalStateException("worker [" + name + "] failed: " + e.getMessage(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void fail(Throwable e) {
    state = State.FAILED;
    lastProblem = String.valueOf(e.getMessage());
  }

  private void handleUntilDone(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
    holding.clear();
    holding.addAll(batch);
    Set<Long> deadLettered = new HashSet<>();
    for (int attempt = 1; running && !holding.isEmpty(); attempt++) {
      try {
        Timer.Sample sample = Timer.start();
        handler.handle(readAll(List.copyOf(holding), deadLettered));
        sample.stop(batchTime);
        commit(holding);
        processed.increment(holding.size());
        holding.clear();
        state = State.RUNNING;
        lastProblem = "";
        return;
      } catch (RetryableException e) {
        retries.increment();
        state = State.RETRYING;
        lastProblem = e.getMessage();
        Duration delay = backoff.delay(attempt);
        LOG.warn(
            "worker [{}]: attempt [{}] failed, retrying in [{}] ms: {}",
            name,
            attempt,
            delay.toMillis(),
            e.getMessage());
        waitPaused(delay);
      }
    }
    holding.clear();
  }

  private List<Incoming<V>> readAll(
      List<ConsumerRecord<String, byte[]>> records, Set<Long> deadLettered)
      throws RetryableException {
    List<Incoming<V>> events = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> r : records) {
      EventCheck checked = schema.check(r.key(), r.value());
      try {
        if (!checked.valid()) {
          throw new SerializationException(
              "record on " + r.topic() + " is not a valid event: " + checked.problem());
        }
        events.add(new Incoming<>(r.topic(), r.partition(), r.offset(), r.key(), read(r, checked)));
      } catch (SerializationException e) {
        if (deadLettered.add(identity(r))) {
          invalid.increment();
          deadLetters.publishRaw(
              ReasonCode.INVALID_EVENT, e.getMessage(), r.topic(), r.key(), r.value());
        }
      }
    }
    return events;
  }

  /** The checked event as the topic's type, from the tree already parsed when possible. */
  private V read(ConsumerRecord<String, byte[]> r, EventCheck checked) {
    if (topic.valueSerde() instanceof JsonSerde<V> json) {
      return json.fromTree(r.topic(), checked.event());
    }
    return topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
  }

  private static long identity(ConsumerRecord<?, ?> r) {
    return ((long) r.partition() << 48) ^ r.offset();
  }

  /**
   * Waits out a backoff while staying in the group (polling paused partitions). Records of
   * partitions assigned meanwhile are added to the work in hand; the rebalance listener drops those
   * that moved away.
   */
  private void waitPaused(Duration delay) {
    consumer.pause(consumer.assignment());
    long end = System.nanoTime() + delay.toNanos();
    while (running && System.nanoTime() < end) {
      Duration left = Duration.ofNanos(Math.max(1, end - System.nanoTime()));
      consumer.poll(left.compareTo(POLL) < 0 ? left : POLL).forEach(holding::add);
      consumer.pause(consumer.assignment());
    }
    consumer.resume(consumer.paused());
  }

  private void commit(List<ConsumerRecord<String, byte[]>> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      offsets.merge(
          new TopicPartition(r.topic(), r.partition()),
          new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    offsets.keySet().removeIf(tp -> !consumer.assignment().contains(tp));
    // On a topic written in transactions (assemble-service's) a commit marker follows the last
    // record: the consumer's position is past it, and committing the position instead of
    // offset + 1 keeps the group's lag at 0 when everything is done.
    offsets.replaceAll(
        (tp, at) -> new OffsetAndMetadata(Math.max(at.offset(), consumer.position(tp))));
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The partitions moved during the batch; the new owner redoes it from the last commit.
      LOG.warn("worker [{}]: commit skipped, partitions were reassigned: {}", name, e.getMessage());
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    // Called inside poll(), on the worker's own thread: no locking needed.
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      holding.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.info("worker [{}]: assigned {}", name, partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      onPartitionsRevoked(partitions);
    }
  }
}
