package nl.kamerstukken.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final CountDownLatch released = new CountDownLatch(1);
  private AdminServer admin;

  @AfterEach
  void stop() {
    released.countDown();
    admin.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
            .timeout(Duration.ofSeconds(2))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theLiveProbeAnswersWhileAReadinessCheckHangs() throws Exception {
    // Given a service whose readiness check waits (as one for an unreachable broker does)
    admin =
        AdminServer.start("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .check(
                "kafka",
                () -> {
                  try {
                    released.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return HealthCheck.Status.down("released");
                });

    // When /health/live is asked
    HttpResponse<String> live = get("/health/live");

    // Then it answers at once, without the checks
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("UP");
  }

  @Test
  void healthIsUnavailableWhileAReadinessCheckIsDown() throws Exception {
    admin =
        AdminServer.start("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .check("kafka", () -> HealthCheck.Status.down("Kafka unreachable"))
            .check("worker", () -> HealthCheck.Status.up("running"));

    HttpResponse<String> health = get("/health");

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("Kafka unreachable").contains("\"status\":\"DOWN\"");
  }
}
