package nl.kamerstukken.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.model.Json;

/**
 * Asks one service's {@code GET /health}: ready, not ready (with the failing checks), or not
 * reachable.
 */
final class ServiceHealth {

  enum State {
    UP,
    DOWN,
    UNREACHABLE
  }

  /**
   * @param service the service's name
   * @param url where it was asked
   * @param state what it answered
   * @param detail the checks that are down, and a followed feed's position (or why it could not be
   *     asked)
   */
  record Health(String service, String url, State state, String detail) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** How ingest-service's watcher check names a followed feed ({@code watching KOOP SRU ...}). */
  private static final String FEED = "watching KOOP SRU";

  private ServiceHealth() {}

  static Health ask(String service, String host, int port) {
    String url = "http://" + host + ":" + port + "/health";
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = Json.mapper().readTree(response.body());
      List<String> down = new ArrayList<>();
      for (Map.Entry<String, JsonNode> check : body.path("checks").properties()) {
        String detail = check.getValue().path("detail").asText();
        // A followed feed's position is worth seeing while all is well too.
        if (!"UP".equals(check.getValue().path("status").asText()) || detail.contains(FEED)) {
          down.add(check.getKey() + ": " + detail);
        }
      }
      State state = response.statusCode() == 200 ? State.UP : State.DOWN;
      return new Health(service, url, state, String.join("; ", down));
    } catch (IOException e) {
      return new Health(
          service, url, State.UNREACHABLE, "not running? (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(service, url, State.UNREACHABLE, "interrupted");
    }
  }
}
