package nl.kamerstukken.ingest.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.s3.S3Connection;

/**
 * Everything ingest-service reads from its environment (prefix {@code INGEST_}), validated at
 * start. Loading creates the three folders if they are missing, because "the folder can be created"
 * is only known for sure by creating it.
 *
 * @param inbox the watched folder ({@code INGEST_INBOX}, default {@code ./inbox})
 * @param blobDir where the content-addressed blobs live ({@code INGEST_BLOB_DIR}, default {@code
 *     ./.kamerstukken/blobs})
 * @param stateDir where the ledger lives ({@code INGEST_STATE_DIR}, default {@code
 *     ./.kamerstukken/ingest-state})
 * @param rescanInterval full rescan of the inbox, the safety net for lost watch events ({@code
 *     INGEST_RESCAN_INTERVAL}, 10s)
 * @param settleTime a file is complete when its size and mtime did not change for this long ({@code
 *     INGEST_SETTLE_TIME}, 500ms: long enough for a copy in progress to show growth, short enough
 *     to keep drop-to-searchable low)
 * @param fileEvents how the inbox is watched ({@code INGEST_FILE_EVENTS}: {@code auto} (default):
 *     inotify on Linux, where a file is complete as soon as its writer closed it or it was renamed
 *     in, else Java's WatchService; {@code watch-service}: always the WatchService, every file
 *     completes by the settle time)
 * @param maxFileSizeBytes larger files are dead-lettered as FILE_TOO_LARGE ({@code
 *     INGEST_MAX_FILE_SIZE}, 200MB)
 * @param httpHost interface for /health and /metrics ({@code INGEST_HTTP_HOST}, default 127.0.0.1)
 * @param httpPort port for /health and /metrics ({@code INGEST_HTTP_PORT}, default 8081, 0 = any
 *     free port)
 * @param kafka how to reach Kafka (shared {@code KAFKA_*} variables)
 * @param source where documents come from ({@code INGEST_SOURCE}: {@code folder} (default), {@code
 *     s3} or {@code koop}, the official publications' SRU interface)
 * @param blobStore where their bytes are kept ({@code INGEST_BLOB_STORE}: {@code folder} (default)
 *     or {@code s3})
 * @param s3 the buckets and how to reach them (used when the source or the blob store is S3)
 * @param koop the KOOP SRU source (used when the source is {@code koop})
 */
public record IngestConfig(
    Path inbox,
    Path blobDir,
    Path stateDir,
    Duration rescanInterval,
    Duration settleTime,
    FileEvents fileEvents,
    long maxFileSizeBytes,
    String httpHost,
    int httpPort,
    KafkaSettings kafka,
    Kind source,
    Kind blobStore,
    S3Settings s3,
    KoopSettings koop) {

  /** Where the inbox or the blob store is; a feed is only a source. */
  public enum Kind {
    FOLDER,
    S3,
    KOOP
  }

  /** How the inbox folder is watched, and so when a file counts as complete. */
  public enum FileEvents {
    /** inotify where it works (Linux): complete once closed after writing or renamed in. */
    AUTO,
    /** Java's WatchService everywhere: complete once unchanged for the settle time. */
    WATCH_SERVICE
  }

  public static final long DEFAULT_MAX_FILE_SIZE = 200L * 1024 * 1024;

  /** S3's rules for bucket names (3 to 63 lower-case letters, digits, dots and hyphens). */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public static IngestConfig load(Map<String, String> environment) {
    EnvConfig env = EnvConfig.of("INGEST_", environment);
    KafkaSettings kafka = KafkaSettings.from(env, "ingest-service");
    Path inbox = absolute(env.path("INBOX", Path.of("inbox")));
    Path blobDir = absolute(env.path("BLOB_DIR", Path.of(".kamerstukken", "blobs")));
    Path stateDir = absolute(env.path("STATE_DIR", Path.of(".kamerstukken", "ingest-state")));
    Duration rescan = env.duration("RESCAN_INTERVAL", Duration.ofSeconds(10));
    if (rescan.isZero()) {
      env.reject("RESCAN_INTERVAL", "0", "must be longer than 0, e.g. 10s");
    }
    Duration settle = env.duration("SETTLE_TIME", Duration.ofMillis(500));
    FileEvents fileEvents = fileEvents(env);
    long maxSize = env.size("MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE, 1);
    String host = env.string("HTTP_HOST", "127.0.0.1");
    int port = env.integer("HTTP_PORT", 8081, 0, 65535);
    Kind source = kind(env, "SOURCE", true);
    Kind blobStore = kind(env, "BLOB_STORE", false);
    S3Settings s3 = s3(env, environment, source, blobStore);
    KoopSettings koop = KoopSettings.load(env, source == Kind.KOOP);
    if (source == Kind.FOLDER) {
      prepareFolder(env, "INBOX", inbox);
    }
    if (blobStore == Kind.FOLDER) {
      prepareFolder(env, "BLOB_DIR", blobDir);
    }
    prepareFolder(env, "STATE_DIR", stateDir);
    if (source == Kind.FOLDER) {
      rejectInside(env, "BLOB_DIR", blobDir, inbox);
      rejectInside(env, "STATE_DIR", stateDir, inbox);
    }
    env.validate();
    return new IngestConfig(
        inbox,
        blobDir,
        stateDir,
        rescan,
        settle,
        fileEvents,
        maxSize,
        host,
        port,
        kafka,
        source,
        blobStore,
        s3,
        koop);
  }

  private static FileEvents fileEvents(EnvConfig env) {
    String value = env.string("FILE_EVENTS", "auto");
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "auto" -> FileEvents.AUTO;
      case "watch-service" -> FileEvents.WATCH_SERVICE;
      default -> {
        env.reject(
            "FILE_EVENTS", value, "expected auto (inotify where available) or watch-service");
        yield FileEvents.AUTO;
      }
    };
  }

  private static Kind kind(EnvConfig env, String name, boolean feeds) {
    String value = env.string(name, "folder");
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "folder" -> Kind.FOLDER;
      case "s3" -> Kind.S3;
      case "koop" -> {
        if (!feeds) {
          env.reject(name, value, "expected folder or s3");
        }
        yield Kind.KOOP;
      }
      default -> {
        env.reject(name, value, feeds ? "expected folder, s3 or koop" : "expected folder or s3");
        yield Kind.FOLDER;
      }
    };
  }

  private static S3Settings s3(
      EnvConfig env, Map<String, String> environment, Kind source, Kind blobStore) {
    S3Connection connection = S3Connection.load(env, environment);
    BucketLocation inbox = source == Kind.S3 ? location(env, "S3_BUCKET", "S3_PREFIX") : null;
    BucketLocation blobs =
        blobStore == Kind.S3 ? location(env, "BLOB_BUCKET", "BLOB_PREFIX") : null;
    if (inbox != null && blobs != null && inbox.overlaps(blobs)) {
      env.reject(
          "BLOB_PREFIX",
          blobs.prefix(),
          "the blob store "
              + blobs
              + " must not overlap the watched "
              + inbox
              + " (blobs would be ingested): use another bucket or separate prefixes such as inbox/ and blobs/");
    }
    Duration poll = env.duration("S3_POLL_INTERVAL", Duration.ofSeconds(5));
    if (poll.isZero()) {
      env.reject("S3_POLL_INTERVAL", "0", "must be longer than 0, e.g. 5s");
    }
    String eventsTopic = env.string("S3_EVENTS_TOPIC", "");
    return new S3Settings(connection, inbox, blobs, poll, eventsTopic);
  }

  private static BucketLocation location(EnvConfig env, String bucketName, String prefixName) {
    String bucket = env.string(bucketName, "");
    if (!BUCKET.matcher(bucket).matches()) {
      env.reject(
          bucketName,
          bucket,
          "expected a bucket name (3 to 63 lower-case letters, digits, '.' or '-')");
      bucket = "invalid";
    }
    String prefix = env.string(prefixName, "");
    if (prefix.startsWith("/")) {
      env.reject(prefixName, prefix, "must not start with '/'; e.g. inbox/");
    }
    return new BucketLocation(bucket, prefix);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** Creates the folder if needed and checks that the service can read and write it. */
  private static void prepareFolder(EnvConfig env, String name, Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      env.reject(name, folder.toString(), "is not a folder and cannot be created (" + e + ")");
      return;
    }
    if (!Files.isReadable(folder) || !Files.isWritable(folder) || !Files.isExecutable(folder)) {
      env.reject(name, folder.toString(), "must be a folder this service can read and write");
    }
  }

  /** Blobs or state inside the inbox would be ingested themselves. */
  private static void rejectInside(EnvConfig env, String name, Path folder, Path inbox) {
    Path real = realOrSelf(folder);
    Path realInbox = realOrSelf(inbox);
    if (real.startsWith(realInbox) || realInbox.startsWith(real)) {
      env.reject(
          name, folder.toString(), "must not be inside the inbox " + inbox + " nor contain it");
    }
  }

  private static Path realOrSelf(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }
}
