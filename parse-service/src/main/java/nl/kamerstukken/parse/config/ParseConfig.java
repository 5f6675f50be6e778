package nl.kamerstukken.parse.config;

import java.time.Duration;
import java.util.Map;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.s3.S3Connection;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.isolation.IsolationSettings;

/**
 * Everything parse-service reads from its environment (prefix {@code PARSE_}), validated at start.
 *
 * @param kafka how to reach Kafka (shared {@code KAFKA_*} variables)
 * @param httpHost interface for /health and /metrics ({@code PARSE_HTTP_HOST}, default 127.0.0.1)
 * @param httpPort port for /health and /metrics ({@code PARSE_HTTP_PORT}, default 8082, 0 = any)
 * @param maxPollRecords documents taken per batch ({@code PARSE_MAX_POLL_RECORDS}, default 8)
 * @param threads documents parsed at the same time ({@code PARSE_THREADS}, default: {@link
 *     #defaultThreads})
 * @param parser how documents are read (OCR and its language: {@code PARSE_OCR}, {@code
 *     PARSE_OCR_LANGUAGE}; {@code PARSE_MAX_PAGES}, default 2000)
 * @param isolation how parse workers run: {@code PARSE_THREADS} workers of {@code
 *     PARSE_WORKER_HEAP} (512m) each, {@code PARSE_TIMEOUT} per document (120s), files up to {@code
 *     PARSE_MAX_FILE_SIZE} (100MB)
 * @param blobs the blob store claim checks must point into: {@code PARSE_BLOB_STORE} ({@code
 *     folder}, default, or {@code s3}), {@code PARSE_BLOB_DIR} (default {@code
 *     ./.kamerstukken/blobs}, as ingest's) or {@code PARSE_BLOB_BUCKET} and {@code
 *     PARSE_BLOB_PREFIX}; nothing outside it is ever opened
 * @param s3 how a blob bucket is reached ({@code PARSE_S3_ENDPOINT}, {@code PARSE_S3_REGION},
 *     {@code PARSE_S3_PATH_STYLE}; credentials from the AWS default chain)
 */
public record ParseConfig(
    KafkaSettings kafka,
    String httpHost,
    int httpPort,
    int maxPollRecords,
    int threads,
    ParserSettings parser,
    IsolationSettings isolation,
    BlobLocation blobs,
    S3Connection s3) {

  /**
   * One parse worker per core. On 2 cores, once the JVMs are warm, two workers carried the whole
   * pipeline faster than one (23.7 against 22.3 documents/s in {@code ./kamerstukken bench}, 95 %
   * against 83 % of the cores busy: with one worker the parse lane, not the CPU, was the limit);
   * straight after start-up the two were even (12.9 against 13.4), each worker compiling the same
   * code.
   */
  static int defaultThreads(int cores) {
    return Math.max(1, cores);
  }

  public static ParseConfig load(Map<String, String> environment) {
    EnvConfig env = EnvConfig.of("PARSE_", environment);
    KafkaSettings kafka = KafkaSettings.from(env, "parse-service");
    String host = env.string("HTTP_HOST", "127.0.0.1");
    int port = env.integer("HTTP_PORT", 8082, 0, 65535);
    int maxPoll = env.integer("MAX_POLL_RECORDS", 8, 1, 1000);
    int threads =
        env.integer("THREADS", defaultThreads(Runtime.getRuntime().availableProcessors()), 1, 64);
    ParserSettings parser = ParserSettings.defaults();
    boolean ocr = env.bool("OCR", parser.ocrEnabled());
    String language = env.string("OCR_LANGUAGE", parser.ocrLanguage());
    int maxPages = env.integer("MAX_PAGES", ParserSettings.DEFAULT_MAX_PAGES, 1, 1_000_000);
    Duration timeout = env.duration("TIMEOUT", IsolationSettings.DEFAULT_TIMEOUT);
    long maxFileSize = env.size("MAX_FILE_SIZE", IsolationSettings.DEFAULT_MAX_FILE_SIZE, 1);
    String heap = env.string("WORKER_HEAP", IsolationSettings.DEFAULT_HEAP);
    if (!heap.matches("\\d+[kKmMgG]?")) {
      env.reject("WORKER_HEAP", heap, "expected a heap size as for -Xmx, e.g. 512m or 1g");
    } else {
      // The -Xmx form is also a size EnvConfig reads: one parser refuses a number too large.
      env.size("WORKER_HEAP", 1, 1);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      env.reject("TIMEOUT", timeout.toString(), "expected a positive duration such as 120s");
    }
    Duration warmUp = env.duration("WORKER_WARM_UP", IsolationSettings.DEFAULT_WARM_UP);
    BlobLocation blobs = BlobLocation.load(env);
    S3Connection s3 = S3Connection.load(env, environment);
    env.validate();
    return new ParseConfig(
        kafka,
        host,
        port,
        maxPoll,
        threads,
        parser.withOcr(ocr, language).withMaxPages(maxPages),
        IsolationSettings.defaults(threads)
            .withLimits(heap, timeout, maxFileSize)
            .withWarmUp(warmUp),
        blobs,
        s3);
  }
}
