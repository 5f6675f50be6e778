package nl.kamerstukken.localstack.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/** Kafka is ready when an AdminClient's describeCluster lists at least one node. */
public final class KafkaReadiness {

  private static final long ATTEMPT_MILLIS = 2_000;

  private KafkaReadiness() {}

  /**
   * Returns when the cluster at {@code bootstrapServers} answers, or fails after {@code timeout}.
   */
  public static void await(String bootstrapServers, Duration timeout) {
    await(bootstrapServers, timeout, new Properties());
  }

  /** As {@link #await(String, Duration)}, logging in with {@code security} (SASL settings). */
  public static void await(String bootstrapServers, Duration timeout, Properties security) {
    Properties props = new Properties();
    props.putAll(security);
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(ATTEMPT_MILLIS));
    props.setProperty(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ATTEMPT_MILLIS));
    props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
    Instant deadline = Instant.now().plus(timeout);
    Exception last = null;
    try (Admin admin = Admin.create(props)) {
      while (Instant.now().isBefore(deadline)) {
        try {
          Collection<Node> nodes =
              admin.describeCluster().nodes().get(ATTEMPT_MILLIS, TimeUnit.MILLISECONDS);
          if (!nodes.isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(
              "Interrupted while waiting for Kafka at [" + bootstrapServers + "]", e);
        }
      }
    }
    throw new IllegalStateException(
        "Kafka at ["
            + bootstrapServers
            + "] did not answer describeCluster within "
            + timeout.toSeconds()
            + " s"
            + (last == null ? "" : ": " + last.getMessage()),
        last);
  }
}
