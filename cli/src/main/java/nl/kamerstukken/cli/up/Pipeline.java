package nl.kamerstukken.cli.up;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kamerstukken.kit.jvm.AotCache;

/**
 * The four services as child JVMs, configured through their environment variables (as in
 * docker-compose). Consumers start first so nothing waits on them; {@link #close} stops them in
 * reverse. More instances of a service can join its consumer group ({@link #startInstance}), each
 * with its own name, HTTP port and log; extra environment variables ({@link
 * #start(PipelineSettings, Map)}) go to every service.
 */
public final class Pipeline implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(120);

  /** The first JDK that warns when a class path library calls a restricted (native) method. */
  private static final int NATIVE_ACCESS_WARNING_JDK = 22;

  /** The first JDK with {@code --sun-misc-unsafe-memory-access} (it warns from JDK 24 on). */
  private static final int UNSAFE_WARNING_JDK = 23;

  /** assemble-service's budget for its RocksDB caches and write buffers together. */
  private static final String ROCKSDB_MEMORY = "ASSEMBLE_ROCKSDB_MEMORY";

  private final PipelineSettings settings;
  private final Map<String, String> extraEnvironment;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Optional<AotCache> aotCache;

  private Pipeline(PipelineSettings settings, Map<String, String> extraEnvironment) {
    this.settings = settings;
    this.extraEnvironment = Map.copyOf(extraEnvironment);
    this.aotCache = AotCache.of(settings.aotCacheDir());
  }

  public static Pipeline start(PipelineSettings settings) throws IOException, InterruptedException {
    return start(settings, Map.of());
  }

  /**
   * Starts the three services with {@code environment} added to (and overriding) what each gets
   * from {@code settings}: e.g. {@code KAFKA_PARTITIONS}, or the {@code INGEST_S3_*} settings of a
   * bucket inbox.
   */
  public static Pipeline start(PipelineSettings settings, Map<String, String> environment)
      throws IOException, InterruptedException {
    Pipeline pipeline = create(settings, environment);
    try {
      pipeline.startServices(ALL);
      pipeline.awaitReady();
      return pipeline;
    } catch (IOException | InterruptedException | RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  /** The four services in the order they start: consumers first, the source last. */
  public static final List<String> ALL =
      List.of(
          PipelineSettings.INDEX,
          PipelineSettings.ASSEMBLE,
          PipelineSettings.PARSE,
          PipelineSettings.INGEST);

  /** The services that need only Kafka, which may start while Elasticsearch is still starting. */
  public static final List<String> KAFKA_ONLY =
      List.of(PipelineSettings.ASSEMBLE, PipelineSettings.PARSE, PipelineSettings.INGEST);

  /**
   * A pipeline with no service started yet: {@link #startServices} them (in steps, e.g. those that
   * need only Kafka first), then {@link #awaitReady}; {@link #close} stops what was started.
   */
  public static Pipeline create(PipelineSettings settings, Map<String, String> environment) {
    return new Pipeline(settings, environment);
  }

  /** Starts those of {@code names} that were not started yet, in that order. */
  public void startServices(List<String> names) throws IOException {
    for (String service : names) {
      if (!services.containsKey(service)) {
        startService(service);
      }
    }
  }

  /** Waits until every started service reports ready; fails naming the first that does not. */
  public void awaitReady() throws InterruptedException {
    for (ServiceProcess process : services.values()) {
      process.awaitReady(READY);
    }
  }

  /** Starts (or restarts after {@link ServiceProcess#kill}) one service with its usual settings. */
  public ServiceProcess startService(String service) throws IOException {
    return startService(service, environment(service));
  }

  /**
   * Starts a service again after it died, with its usual settings (a parse worker's warm-up runs
   * only while it is idle, so it does not delay a restart).
   */
  public ServiceProcess restartService(String service) throws IOException {
    return startService(service, environment(service));
  }

  private ServiceProcess startService(String service, Map<String, String> env) throws IOException {
    return launch(service, service, env, settings.httpPorts().get(service));
  }

  /**
   * Starts the jar of {@code service} as {@code instance}; with an AOT cache (a JDK 25 runs this
   * JVM) the service uses the cache of its jar, or trains it in this run (see {@link AotCache}).
   */
  private ServiceProcess launch(
      String service, String instance, Map<String, String> env, int httpPort) throws IOException {
    List<String> options = jvmOptions(service);
    Path jar = settings.jar(service);
    AotCache.Launch aot = aotCache.map(cache -> cache.launch(service, jar.toString())).orElse(null);
    if (aot != null) {
      // The services only: parse-service starts its workers without one (trained on their idle
      // warm-up, its profiles cost them more JIT time on real documents than it saved at start;
      // docs/performance.md).
      options.addAll(aot.options());
    }
    ServiceProcess process =
        ServiceProcess.start(
            instance,
            jar,
            options,
            env,
            httpPort,
            settings.logDir() == null ? null : settings.logDir().resolve(instance + ".log"));
    if (aot != null && aot.trains()) {
      ProcessHandle.of(process.pid())
          .ifPresent(handle -> handle.onExit().thenRun(() -> aot.exited(handle.pid())));
    }
    services.put(instance, process);
    return process;
  }

  /**
   * Starts one more instance of {@code service} (e.g. {@code parse-service-2}): the same settings
   * and consumer group, its own {@code /health} port and log file. {@link #service(String)} finds
   * it by {@code instance}. An assemble-service instance gets its own state folder: Kafka Streams
   * locks the folder of the instance that runs there.
   */
  public ServiceProcess startInstance(String service, String instance, int httpPort)
      throws IOException {
    Map<String, String> env = environment(service);
    env.put(portVariable(service), String.valueOf(httpPort));
    if (service.equals(PipelineSettings.ASSEMBLE)) {
      env.put("ASSEMBLE_STATE_DIR", settings.dataDir().resolve(instance + "-state").toString());
    }
    return launch(service, instance, env, httpPort);
  }

  private static String portVariable(String service) {
    return switch (service) {
      case PipelineSettings.INGEST -> "INGEST_HTTP_PORT";
      case PipelineSettings.PARSE -> "PARSE_HTTP_PORT";
      case PipelineSettings.INDEX -> "INDEX_HTTP_PORT";
      case PipelineSettings.ASSEMBLE -> "ASSEMBLE_HTTP_PORT";
      default -> throw new IllegalArgumentException("unknown service " + service);
    };
  }

  public ServiceProcess service(String name) {
    return services.get(name);
  }

  public List<ServiceProcess> services() {
    return List.copyOf(services.values());
  }

  /**
   * Small heaps and the serial collector: the services are I/O bound and must stay lean beside
   * Elasticsearch (parse-service too: documents are parsed in its parse workers, which have their
   * own heap, {@code PARSE_WORKER_HEAP}). The heap starts small and grows as needed (the JVM's
   * default start size, 1/64 of the machine's memory, would stay resident). An OutOfMemoryError
   * ends the JVM rather than leaving it half-broken; with a log folder, each JVM logs its
   * collections to {@code <service>-gc-<pid>.log} there (heap use after each GC).
   *
   * <p>assemble-service runs G1 instead ({@link #assembleOptions}).
   */
  private List<String> jvmOptions(String service) {
    List<String> options =
        new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
    if (service.equals(PipelineSettings.ASSEMBLE)) {
      options.addAll(assembleOptions(Runtime.version()));
    } else {
      options.add("-XX:+UseSerialGC");
    }
    if (Runtime.version().feature() >= NATIVE_ACCESS_WARNING_JDK) {
      // Kafka Streams' RocksDB loads its native library: allowed, without the JDK's warning.
      options.add("--enable-native-access=ALL-UNNAMED");
    }
    if (Runtime.version().feature() >= UNSAFE_WARNING_JDK) {
      // Kafka's client unmaps buffers through sun.misc.Unsafe: allowed, without the warning.
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    if (settings.logDir() != null) {
      options.add(
          "-Xlog:gc:file="
              + settings.logDir().resolve(service + "-gc-%p.log")
              + ":uptime,level,tags");
    }
    return options;
  }

  /**
   * assemble-service's collector and native memory on {@code jdk} (docs/performance.md,
   * "assemble-service's heap" and "assemble-service's memory"). It promotes whole Kamerstuk events
   * that die soon after: the serial collector grew the old generation to the full 256 MB before it
   * collected it once (peak RSS 485 MB with 40 MB live), so G1, which collects the old generation
   * concurrently. G1 may spend a fifth of its time collecting ({@code GCTimeRatio=4}; with its
   * default of 12 it grew the heap to about 120 MB where 80 MB do; the cost, 1-3 CPU-s of this
   * service's per 1000 documents, is within what benchmark rounds differ by). Where the JDK has it
   * as a product option, free C heap is handed back every 5 s: the C2 compiler's arenas peak at 33
   * MB in this service, and glibc keeps what was freed. The 256 MB limit stays, for the largest
   * events.
   */
  static List<String> assembleOptions(Runtime.Version jdk) {
    List<String> options = new ArrayList<>(List.of("-XX:+UseG1GC", "-XX:GCTimeRatio=4"));
    if (trimsNativeHeap(jdk)) {
      options.add("-XX:TrimNativeHeapInterval=5000");
    }
    return options;
  }

  /**
   * Whether assemble-service trims its native heap on {@code jdk}: from JDK 22, where {@code
   * -XX:TrimNativeHeapInterval} (JDK-8293114) is a product option. The 17.0.9 and 21.0.1 updates
   * have it only as an experimental, differently locked backport; with it on JDK 17 a CI run saw no
   * document pass the pipeline under {@code up} for ten minutes (not seen here), so those JDKs do
   * without (the launcher runs the services on a JDK 25 where one is installed).
   */
  static boolean trimsNativeHeap(Runtime.Version jdk) {
    return jdk.feature() >= 22;
  }

  Map<String, String> environment(String service) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
    env.put("KAFKA_TOPIC_PREFIX", settings.topicPrefix());
    String port = String.valueOf(settings.httpPorts().get(service));
    switch (service) {
      case PipelineSettings.INGEST -> {
        env.put("INGEST_INBOX", settings.inbox().toString());
        env.put("INGEST_BLOB_DIR", settings.dataDir().resolve("blobs").toString());
        env.put("INGEST_STATE_DIR", settings.dataDir().resolve("ingest-state").toString());
        env.put("INGEST_HTTP_PORT", port);
      }
      case PipelineSettings.PARSE -> {
        env.put("PARSE_HTTP_PORT", port);
        // Claim checks are opened only inside the blob store ingest writes to.
        env.put("PARSE_BLOB_DIR", settings.dataDir().resolve("blobs").toString());
        // Tesseract's OpenMP threads fight each other on small machines: one thread is 3x faster
        // here.
        putUnlessSet(env, "OMP_THREAD_LIMIT", "1");
      }
      case PipelineSettings.ASSEMBLE -> {
        env.put("ASSEMBLE_HTTP_PORT", port);
        env.put("ASSEMBLE_STATE_DIR", settings.dataDir().resolve("assemble-state").toString());
        // Half the service's default RocksDB budget on the one machine `up` runs everything on:
        // 12 MB less at its peak RSS; benchmarked together with assembleOptions, whose CPU cost
        // stayed within the rounds' spread (docs/performance.md). A budget set in the environment
        // wins.
        putUnlessSet(env, ROCKSDB_MEMORY, "16MB");
      }
      case PipelineSettings.INDEX -> {
        env.put("INDEX_ELASTICSEARCH_URL", settings.elasticsearchUrl());
        env.put("INDEX_ALIAS_PREFIX", settings.aliasPrefix());
        env.put("INDEX_HTTP_PORT", port);
        env.put("INDEX_BLOB_DIR", settings.dataDir().resolve("blobs").toString());
        // The key that seals webhook secrets on the saved-search topic: made on first use.
        env.put(
            "INDEX_ALERT_SECRET_KEY_FILE",
            settings.dataDir().resolve("alert-secret.key").toString());
      }
      default -> throw new IllegalArgumentException("unknown service " + service);
    }
    env.putAll(extraEnvironment);
    return env;
  }

  /**
   * A default of {@code up}'s own for a variable the user may set: the service inherits {@code
   * up}'s environment with {@code env} laid over it, so a plain put would override the user's
   * value.
   */
  private static void putUnlessSet(Map<String, String> env, String name, String value) {
    if (System.getenv(name) == null) {
      env.put(name, value);
    }
  }

  @Override
  public void close() {
    List<ServiceProcess> reversed = new ArrayList<>(services.values());
    Collections.reverse(reversed);
    reversed.forEach(ServiceProcess::close);
  }
}
