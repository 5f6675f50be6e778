package nl.kamerstukken.assemble.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;

/**
 * assemble-service's settings, from {@code ASSEMBLE_*} environment variables over documented
 * defaults (see the module README); {@link #load} names every bad variable at once.
 *
 * @param stateDir where Kafka Streams keeps its local state (RocksDB); rebuilt from the changelog
 *     topics when lost
 * @param threads stream threads of this instance
 * @param cacheBytes record cache of all threads (deduplicates updates between commits)
 * @param commitInterval how often a stream thread commits its transaction; under exactly-once a
 *     record becomes visible to the next step (an internal topic of the topology, or a consumer of
 *     the output topics) only at that commit, so a file waits up to this long at each of the
 *     topology's five internal hops
 * @param rocksDbBytes the one block cache and write-buffer budget all state stores share
 * @param httpHost where {@code /health} and {@code /metrics} listen
 * @param httpPort their port (0 = any free port)
 * @param kafka how to reach Kafka (topic prefix, client properties)
 */
public record AssembleConfig(
    Path stateDir,
    int threads,
    long cacheBytes,
    Duration commitInterval,
    long rocksDbBytes,
    String httpHost,
    int httpPort,
    KafkaSettings kafka) {

  public static final String CLIENT_ID = "assemble-service";

  /**
   * Kafka Streams' own default under exactly-once is 100 ms: with five internal hops that added
   * about half a second to every file's way to search (measured with {@code ./kamerstukken bench},
   * docs/performance.md); commits every 20 ms cost more transactions in a burst.
   */
  static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(20);

  public static AssembleConfig load(Map<String, String> environment) {
    EnvConfig env = EnvConfig.of("ASSEMBLE_", environment);
    Path stateDir = env.path("STATE_DIR", Path.of(".kamerstukken", "assemble-state"));
    int threads = env.integer("THREADS", 1, 1, 64);
    long cacheBytes = env.size("CACHE_SIZE", 4L * 1024 * 1024, 0);
    Duration commitInterval = env.duration("COMMIT_INTERVAL", DEFAULT_COMMIT_INTERVAL);
    if (commitInterval.isZero()) {
      env.reject("COMMIT_INTERVAL", commitInterval.toString(), "must be at least 1ms");
    }
    long rocksDbBytes = env.size("ROCKSDB_MEMORY", 32L * 1024 * 1024, 4L * 1024 * 1024);
    String httpHost = env.string("HTTP_HOST", "127.0.0.1");
    int httpPort = env.integer("HTTP_PORT", 8084, 0, 65_535);
    KafkaSettings kafka = KafkaSettings.from(env, CLIENT_ID);
    env.validate();
    return new AssembleConfig(
        stateDir.toAbsolutePath(),
        threads,
        cacheBytes,
        commitInterval,
        rocksDbBytes,
        httpHost,
        httpPort,
        kafka);
  }
}
