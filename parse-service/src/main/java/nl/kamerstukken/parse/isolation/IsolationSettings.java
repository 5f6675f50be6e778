package nl.kamerstukken.parse.isolation;

import java.time.Duration;
import java.util.Objects;
import nl.kamerstukken.kit.kafka.KafkaSettings;

/**
 * How parse workers run.
 *
 * @param workers how many workers parse at the same time ({@code PARSE_THREADS})
 * @param heap each worker's maximum heap, as for {@code -Xmx} ({@code PARSE_WORKER_HEAP}, e.g.
 *     {@code 512m})
 * @param timeout the time budget of one document; a worker still busy after it is killed ({@code
 *     PARSE_TIMEOUT})
 * @param maxFileSizeBytes larger files are refused before parsing as {@code TOO_LARGE} ({@code
 *     PARSE_MAX_FILE_SIZE})
 * @param startTimeout how long a new worker may take to build its parser and report ready
 * @param maxReplyBytes the largest parsed document a worker may return: what fits in one Kafka
 *     event
 * @param mainClass the worker's main class (tests substitute misbehaving workers)
 * @param classPath the worker's class path: by default this JVM's own
 * @param warmUp how long in all a new worker parses a generated document while no request waits,
 *     after it reported ready ({@code PARSE_WORKER_WARM_UP}, 5s; 0 = none)
 */
public record IsolationSettings(
    int workers,
    String heap,
    Duration timeout,
    long maxFileSizeBytes,
    Duration startTimeout,
    int maxReplyBytes,
    String mainClass,
    String classPath,
    Duration warmUp) {

  public static final String DEFAULT_HEAP = "512m";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  public static final long DEFAULT_MAX_FILE_SIZE = 100L * 1024 * 1024;
  public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(5);

  public IsolationSettings {
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(classPath, "classPath");
    Objects.requireNonNull(warmUp, "warmUp");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    if (!heap.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException(
          "heap must be a size as for -Xmx, e.g. 512m or 1g, was '" + heap + "'");
    }
    if (timeout.isNegative() || timeout.isZero() || maxFileSizeBytes < 1 || maxReplyBytes < 1024) {
      throw new IllegalArgumentException(
          "timeout, maxFileSizeBytes and maxReplyBytes must be positive");
    }
  }

  /**
   * {@code workers} workers of {@value #DEFAULT_HEAP}, two minutes per document, files up to 100
   * MB, results up to what a Kafka event holds (with room for the event's envelope).
   */
  public static IsolationSettings defaults(int workers) {
    return new IsolationSettings(
        workers,
        DEFAULT_HEAP,
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_FILE_SIZE,
        Duration.ofSeconds(90),
        KafkaSettings.MAX_MESSAGE_BYTES - 256 * 1024,
        ParseWorkerMain.class.getName(),
        System.getProperty("java.class.path"),
        Duration.ZERO);
  }

  public IsolationSettings withLimits(
      String newHeap, Duration newTimeout, long newMaxFileSizeBytes) {
    return new IsolationSettings(
        workers,
        newHeap,
        newTimeout,
        newMaxFileSizeBytes,
        startTimeout,
        maxReplyBytes,
        mainClass,
        classPath,
        warmUp);
  }

  public IsolationSettings withMainClass(String newMainClass) {
    return new IsolationSettings(
        workers,
        heap,
        timeout,
        maxFileSizeBytes,
        startTimeout,
        maxReplyBytes,
        newMainClass,
        classPath,
        warmUp);
  }

  public IsolationSettings withWarmUp(Duration newWarmUp) {
    return new IsolationSettings(
        workers,
        heap,
        timeout,
        maxFileSizeBytes,
        startTimeout,
        maxReplyBytes,
        mainClass,
        classPath,
        newWarmUp);
  }
}
