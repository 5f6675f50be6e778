package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.kit.http.HealthCheck;

/**
 * Readiness check "Elasticsearch reachable": the cluster health, asked at most every few seconds
 * and answered within a bound (the cluster has no {@code GET /} on every distribution, health it
 * has). Red (a primary shard missing) is down: writes would fail.
 */
public final class ElasticsearchHealth implements HealthCheck {

  private static final Duration CACHE = Duration.ofSeconds(3);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final ElasticsearchAsyncClient client;
  private final String url;
  private Status last = Status.down("not checked yet");
  private long checkedAt;
  private boolean checked;

  public ElasticsearchHealth(ElasticsearchClient client, String url) {
    this.client = new ElasticsearchAsyncClient(client._transport());
    this.url = url;
  }

  @Override
  public synchronized Status check() {
    if (checked && System.nanoTime() - checkedAt < CACHE.toNanos()) {
      return last;
    }
    try {
      HealthResponse health =
          client.cluster().health().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      String detail =
          "cluster ["
              + health.clusterName()
              + "] status ["
              + health.status().jsonValue()
              + "], "
              + health.numberOfNodes()
              + " node(s) at "
              + url;
      last = health.status() == HealthStatus.Red ? Status.down(detail) : Status.up(detail);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      last = Status.down("interrupted");
    } catch (Exception e) {
      last = Status.down("Elasticsearch at " + url + " unreachable: " + e);
    }
    checkedAt = System.nanoTime();
    checked = true;
    return last;
  }
}
