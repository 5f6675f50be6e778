package nl.kamerstukken.parse.isolation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.ParserUnavailableException;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses documents in a pool of supervised parse workers (child JVMs running {@link
 * ParseWorkerMain}), one document per worker at a time: the service's own heap and threads never
 * touch a document's content.
 *
 * <p>Guarantees, per document: a file above the size limit is refused before any worker reads it
 * ({@code TOO_LARGE}); a parse that exceeds the time budget ends with the worker killed ({@code
 * PARSE_TIMEOUT}); a worker that runs out of its own heap ({@code OUT_OF_MEMORY}) or dies otherwise
 * ({@code PARSER_CRASHED}) is replaced, and the document is tried once more on a fresh worker
 * before it is failed. Every outcome is a value; {@link ParserUnavailableException} only when no
 * worker can run.
 *
 * <p>One worker starts with the pool; the others start when documents wait for a worker, and the
 * worker used last is used first: documents that come one at a time keep one warm worker busy, and
 * the second JVM (its start-up CPU and memory) is paid only when a backlog can use it.
 */
public final class ParseWorkerPool implements DocumentParser {

  private static final Logger LOG = LoggerFactory.getLogger(ParseWorkerPool.class);
  private static final String INITIAL_HEAP = "128m";

  private final IsolationSettings settings;
  private final List<WorkerSlot> slots;
  private final BlockingDeque<WorkerSlot> idle;
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean closed;

  private ParseWorkerPool(IsolationSettings settings, List<WorkerSlot> slots) {
    this.settings = settings;
    this.slots = List.copyOf(slots);
    this.idle = new LinkedBlockingDeque<>(slots);
  }

  /**
   * Starts the first of {@code isolation.workers()} workers and returns when it is ready (the
   * others start when documents wait for them).
   *
   * @throws IllegalStateException if a worker cannot start (the message says why)
   */
  public static ParseWorkerPool start(
      ParserSettings parser, IsolationSettings isolation, MeterRegistry registry) {
    List<String> command = command(parser, isolation);
    WorkerMetrics metrics = new WorkerMetrics(registry);
    List<WorkerSlot> slots = new ArrayList<>();
    for (int i = 1; i <= isolation.workers(); i++) {
      slots.add(new WorkerSlot("parse-worker-" + i, command, isolation, metrics));
    }
    ParseWorkerPool pool = new ParseWorkerPool(isolation, slots);
    try {
      startIn(slots.get(0));
    } catch (RuntimeException e) {
      pool.close();
      throw new IllegalStateException(
          "parse workers cannot start: "
              + e.getMessage()
              + " (check PARSE_WORKER_HEAP and that java can run the service's class path)",
          e);
    }
    Gauge.builder(
            "kamerstukken.parse.workers.ready",
            pool,
            p -> p.slots.stream().filter(WorkerSlot::hasUsableWorker).count())
        .description("parse workers running and ready")
        .register(registry);
    LOG.info(
        "parse worker ready, [{}] more start when documents wait: heap [{}], timeout [{}], max file"
            + " size [{}] bytes, max pages [{}]",
        isolation.workers() - 1,
        isolation.heap(),
        isolation.timeout(),
        isolation.maxFileSizeBytes(),
        parser.maxPages());
    return pool;
  }

  private static void startIn(WorkerSlot slot) {
    try {
      slot.ready();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParserUnavailableException("interrupted while starting parse workers", e);
    }
  }

  /**
   * The worker's command line: its own heap bound, exit on OutOfMemoryError, VM messages on stderr.
   * The heap starts small ({@code -Xms}) and grows only for the documents that need it: the JVM's
   * default start size (1/64 of the machine's memory) would otherwise be touched by the young
   * generation and stay resident.
   */
  static List<String> command(ParserSettings parser, IsolationSettings isolation) {
    String settingsJson;
    try {
      settingsJson = Json.mapper().writeValueAsString(parser);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the parser settings as JSON", e);
    }
    String tmp = System.getProperty("java.io.tmpdir");
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms" + initialHeap(isolation.heap()),
        "-Xmx" + isolation.heap(),
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:+DisplayVMOutputToStderr",
        "-XX:+UseSerialGC",
        "-XX:-CreateCoredumpOnCrash",
        "-XX:ErrorFile=" + tmp + "/kamerstukken-parse-worker-%p.log",
        "-Djava.awt.headless=true",
        "-Dlogback.configurationFile=parse-worker-logback.xml",
        "-cp",
        isolation.classPath(),
        isolation.mainClass(),
        settingsJson,
        String.valueOf(isolation.maxReplyBytes()),
        String.valueOf(isolation.warmUp().toMillis()));
  }

  /**
   * {@link #INITIAL_HEAP}, or the bound itself when that is smaller (the JVM refuses -Xms above
   * -Xmx).
   */
  static String initialHeap(String maxHeap) {
    return bytes(maxHeap) < bytes(INITIAL_HEAP) ? maxHeap : INITIAL_HEAP;
  }

  /** Bytes of a heap size as -Xmx takes it: digits with an optional k, m or g. */
  private static long bytes(String size) {
    long number = Long.parseLong(size.replaceAll("\\D", ""));
    return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
      case 'k' -> number << 10;
      case 'm' -> number << 20;
      case 'g' -> number << 30;
      default -> number;
    };
  }

  @Override
  public ParseOutcome parse(Path file, SourceFile source, Instant receivedAt) {
    String name = source.fileName() == null ? file.getFileName().toString() : source.fileName();
    long size = sizeOf(file, name);
    if (size > settings.maxFileSizeBytes()) {
      return new ParseOutcome.Failed(
          ReasonCode.TOO_LARGE,
          name
              + " is "
              + megabytes(size)
              + ", more than the "
              + megabytes(settings.maxFileSizeBytes())
              + " this service parses (PARSE_MAX_FILE_SIZE); split the document"
              + " or raise the limit");
    }
    WorkerSlot slot = take();
    try {
      return slot.parse(
          new WorkerRequest(
              requests.incrementAndGet(), file.toAbsolutePath().toString(), source, receivedAt));
    } finally {
      idle.addFirst(slot);
    }
  }

  private WorkerSlot take() {
    if (closed) {
      throw new ParserUnavailableException("the parse workers are shutting down", null);
    }
    try {
      return idle.takeFirst();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParserUnavailableException("interrupted while waiting for a parse worker", e);
    }
  }

  private static long sizeOf(Path file, String name) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new ParserUnavailableException(
          "cannot read the size of " + name + " at " + file + ": " + e, e);
    }
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /**
   * Ready while every worker runs or can be started; down (with the reason) when starting one
   * failed.
   */
  public HealthCheck.Status health() {
    if (closed) {
      return HealthCheck.Status.down("closed");
    }
    for (WorkerSlot slot : slots) {
      if (!slot.startProblem().isEmpty()) {
        return HealthCheck.Status.down(slot.startProblem());
      }
    }
    long ready = slots.stream().filter(WorkerSlot::hasUsableWorker).count();
    return HealthCheck.Status.up(
        ready
            + " of "
            + slots.size()
            + " parse workers running (heap "
            + settings.heap()
            + ", timeout "
            + settings.timeout().toSeconds()
            + " s)");
  }

  /** Stops every worker; a parse still running ends with {@link ParserUnavailableException}. */
  @Override
  public void close() {
    closed = true;
    slots.forEach(WorkerSlot::close);
  }
}
