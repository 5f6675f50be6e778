package nl.kamerstukken.cli.alert;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where index-service's alerts API is ({@code --index-url}), and the calls to it. A picocli mixin.
 */
public final class AlertApiClient {

  @Option(
      names = "--index-url",
      defaultValue = "${env:KAMERSTUKKEN_INDEX_URL:-http://127.0.0.1:8083}",
      description =
          "index-service's HTTP address (default: $KAMERSTUKKEN_INDEX_URL, else ${DEFAULT-VALUE}).")
  String indexUrl;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** The answer: status and body. */
  record Answer(int status, String body) {}

  Answer get() throws IOException {
    return send(request("").GET());
  }

  Answer post(String path, String json) throws IOException {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer delete(String name) throws IOException {
    return send(request("/" + encode(name)).DELETE());
  }

  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    String base = indexUrl.endsWith("/") ? indexUrl.substring(0, indexUrl.length() - 1) : indexUrl;
    return HttpRequest.newBuilder(URI.create(base + "/api/alerts" + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json");
  }

  private Answer send(HttpRequest.Builder request) throws IOException {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (ConnectException e) {
      throw new IOException(
          "index-service does not answer at "
              + indexUrl
              + " (is ./kamerstukken up running? else pass --index-url)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
