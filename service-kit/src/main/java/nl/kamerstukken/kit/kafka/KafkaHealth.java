package nl.kamerstukken.kit.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.kit.http.HealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness check "Kafka reachable": asks the cluster for its nodes, at most every few seconds (the
 * answer is cached so scraping /health does not load the broker).
 */
public final class KafkaHealth implements HealthCheck, AutoCloseable {

  private static final Duration CACHE = Duration.ofSeconds(3);

  private final Admin admin;
  private final String bootstrap;
  private volatile Status last = Status.down("not checked yet");
  private volatile long checkedAt;

  public KafkaHealth(KafkaSettings settings) {
    this.admin = Admin.create(settings.admin());
    this.bootstrap = settings.bootstrapServers();
  }

  @Override
  public synchronized Status check() {
    if (System.nanoTime() - checkedAt < CACHE.toNanos()) {
      return last;
    }
    try {
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
              .nodes()
              .get(2500, TimeUnit.MILLISECONDS)
              .size();
      last = Status.up(nodes + " broker(s) at " + bootstrap);
    } catch (Exception e) {
      last = Status.down("Kafka at " + bootstrap + " unreachable: " + e.getMessage());
    }
    checkedAt = System.nanoTime();
    return last;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
