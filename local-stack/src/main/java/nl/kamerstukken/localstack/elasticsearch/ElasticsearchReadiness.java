package nl.kamerstukken.localstack.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Polls {@code GET /_cluster/health?wait_for_status=yellow&timeout=1s} (this distribution has no
 * {@code GET /}).
 */
public final class ElasticsearchReadiness {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private ElasticsearchReadiness() {}

  /**
   * Returns once an existing cluster at {@code url} answers the health call at all (it may need
   * credentials).
   */
  public static void awaitReachable(String url, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        health(url, null);
        return;
      } catch (IOException e) {
        last = e;
      }
      pause(POLL);
    }
    throw new IllegalStateException(
        "Elasticsearch at ["
            + url
            + "] did not answer within "
            + timeout.toSeconds()
            + " s"
            + (last == null ? "" : ": " + last),
        last);
  }

  /**
   * Returns once the cluster at {@code url} is yellow or green. {@code waitOrExited} pauses between
   * polls and says whether the process died meanwhile: then this ends at once with {@code false},
   * without waiting for the timeout.
   */
  static boolean awaitYellow(String url, Duration timeout, BooleanSupplier waitOrExited) {
    return awaitYellow(url, null, timeout, waitOrExited);
  }

  /** As {@link #awaitYellow(String, Duration, BooleanSupplier)}, logging in ({@code null}: not). */
  static boolean awaitYellow(
      String url, String authorization, Duration timeout, BooleanSupplier waitOrExited) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (health(url, authorization) == 200) {
          return true;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      if (waitOrExited.getAsBoolean()) {
        return false;
      }
    }
    throw new IllegalStateException(
        "Elasticsearch at [" + url + "] was not yellow within " + timeout.toSeconds() + " s");
  }

  private static int health(String url, String authorization) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
            .timeout(Duration.ofSeconds(5))
            .GET();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while waiting for Elasticsearch at [" + url + "]", e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
    }
  }
}
