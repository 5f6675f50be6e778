package nl.kamerstukken.pipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.kamerstukken.model.Json;

/**
 * Asks Elasticsearch what a user would ask, over plain HTTP: counts and searches through the
 * aliases.
 */
final class SearchProbe {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  SearchProbe(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Documents in {@code alias} matching {@code query} (an Elasticsearch query object); -1 if the
   * alias is missing.
   */
  long count(String alias, String query) {
    JsonNode body = post("/" + alias + "/_count", "{\"query\":" + query + "}");
    return body.has("count") ? body.get("count").asLong() : -1;
  }

  long countAll(String alias) {
    return count(alias, "{\"match_all\":{}}");
  }

  JsonNode search(String alias, String request) {
    return post("/" + alias + "/_search", request);
  }

  private JsonNode post(String path, String json) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      return Json.mapper()
          .readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
