package nl.kamerstukken.localstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import nl.kamerstukken.localstack.host.FreePort;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (broker and controller) inside this JVM. It can be stopped and started
 * again on the same ports and data, which fault tests use to take the broker away mid-run. Data in
 * {@code <dir>/data}; the storage is formatted on the first start only.
 */
public final class KafkaBroker {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final Duration startTimeout;
  private final KafkaSecurity security;
  private KafkaRaftServer server;

  private KafkaBroker(
      Path dir, int port, int controllerPort, Duration startTimeout, KafkaSecurity security) {
    this.dir = dir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.startTimeout = startTimeout;
    this.security = security;
  }

  /**
   * A broker that will listen on {@code port} (0 = a free port, kept across restarts); not started
   * yet.
   */
  public static KafkaBroker create(Path dir, int port, Duration startTimeout) {
    return create(dir, port, startTimeout, null);
  }

  /**
   * As {@link #create(Path, int, Duration)}, with SASL and ACLs as {@code security} says (null =
   * plaintext without authorization, the local default).
   */
  public static KafkaBroker create(
      Path dir, int port, Duration startTimeout, KafkaSecurity security) {
    return new KafkaBroker(dir, FreePort.resolve(port), FreePort.pick(), startTimeout, security);
  }

  /**
   * Starts the broker and returns once describeCluster answers; does nothing when it already runs.
   */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    FreePort.requireFree(port, "Kafka");
    FreePort.requireFree(controllerPort, "Kafka's controller");
    long started = System.nanoTime();
    Properties props =
        KafkaBrokerProperties.of(dir.resolve("data"), port, controllerPort, security);
    formatOnce(props);
    KafkaRaftServer candidate =
        new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server = candidate;
    try {
      candidate.startup();
      KafkaReadiness.await(bootstrapServers(), startTimeout, clientSecurity());
    } catch (RuntimeException e) {
      stop();
      throw new IllegalStateException(
          "Kafka did not start on ["
              + bootstrapServers()
              + "] with data in ["
              + dir
              + "]: "
              + e.getMessage(),
          e);
    }
    LOG.info(
        "Kafka ready on [{}] in [{} ms], data in [{}]",
        bootstrapServers(),
        (System.nanoTime() - started) / 1_000_000,
        dir);
  }

  /** Stops the broker and waits for it; its data stays for the next {@link #start()}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer stopping = server;
    server = null;
    stopping.shutdown();
    stopping.awaitShutdown();
    LOG.info("Kafka on [{}] stopped", bootstrapServers());
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Kafka's controller port (on 127.0.0.1 too). */
  public int controllerPort() {
    return controllerPort;
  }

  /** Client settings a super user needs here: none without security. */
  public Properties clientSecurity() {
    return security == null ? new Properties() : security.adminClient();
  }

  private void formatOnce(Properties props) {
    Path dataDir = dir.resolve("data");
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    Path propsFile = dir.resolve("server.properties");
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      Files.createDirectories(dataDir);
      try (OutputStream out = Files.newOutputStream(propsFile)) {
        props.store(out, "Written by local-stack to format the KRaft storage");
      }
      String clusterId = Uuid.randomUuid().toString();
      int exit =
          StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", propsFile.toString()},
              new PrintStream(output, true, StandardCharsets.UTF_8));
      if (exit != 0) {
        throw new IllegalStateException(
            "Formatting Kafka storage in ["
                + dataDir
                + "] failed (exit "
                + exit
                + "): "
                + output.toString(StandardCharsets.UTF_8));
      }
      LOG.debug("Formatted Kafka storage: {}", output.toString(StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare Kafka storage in " + dataDir, e);
    }
  }
}
