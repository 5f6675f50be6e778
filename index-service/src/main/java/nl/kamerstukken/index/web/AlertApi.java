package nl.kamerstukken.index.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.kamerstukken.index.alert.SavedSearches;
import nl.kamerstukken.kit.http.AdminServer;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved searches ({@link SavedSearches}):
 *
 * <ul>
 *   <li>{@code GET /api/alerts}: {@code {alerts: [{name, query, party, ministry, webhook, signed,
 *       createdAt}]}} (never the secret);
 *   <li>{@code POST /api/alerts} with {@code {name, query, party, ministry, webhook, secret}}: 201
 *       and the saved search (a name in use is replaced);
 *   <li>{@code DELETE /api/alerts/<name>}: 204, or 404;
 *   <li>{@code POST /api/alerts/<name>/test}: {@code {matches, sentQaId, status, problem}}, or 404.
 * </ul>
 *
 * Writes require {@code Content-Type: application/json}: a browser sends that cross-origin only
 * after a CORS preflight, which this server never grants, so another web site cannot add alerts.
 */
final class AlertApi implements HttpHandler {

  static final String PREFIX = "/api/alerts";
  private static final Logger LOG = LoggerFactory.getLogger(AlertApi.class);
  private static final int MAX_BODY = 64 * 1024;

  private final SavedSearches alerts;

  AlertApi(SavedSearches alerts) {
    this.alerts = alerts;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length() + 1) : "";
    try {
      if (rest.isEmpty() && "GET".equals(method)) {
        JsonResponses.ok(
            exchange,
            Json.mapper()
                .createObjectNode()
                .set("alerts", Json.mapper().valueToTree(alerts.list())));
      } else if (!"GET".equals(method) && !isJson(exchange)) {
        JsonResponses.error(exchange, 415, "send Content-Type: application/json");
      } else if (rest.isEmpty() && "POST".equals(method)) {
        add(exchange);
      } else if (rest.endsWith("/test") && "POST".equals(method)) {
        test(exchange, name(rest.substring(0, rest.length() - "/test".length())));
      } else if (!rest.isEmpty() && !rest.contains("/") && "DELETE".equals(method)) {
        remove(exchange, name(rest));
      } else {
        JsonResponses.error(exchange, 405, method + " " + path + " is not supported");
      }
    } catch (IllegalArgumentException e) {
      JsonResponses.error(exchange, 400, e.getMessage());
    } catch (RetryableException | IOException e) {
      LOG.warn("alerts API: {} {} failed: {}", method, path, e.getMessage());
      JsonResponses.error(exchange, 503, "Kafka or Elasticsearch did not answer; try again");
    }
  }

  private void add(HttpExchange exchange) throws IOException, RetryableException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " bytes");
      }
      body = Json.mapper().readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject() || text(body, "name") == null) {
      throw new IllegalArgumentException("send {\"name\": ..., \"query\": ..., \"webhook\": ...}");
    }
    String webhook = text(body, "webhook");
    URI url;
    try {
      url = webhook == null ? null : new URI(webhook);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("the webhook is not a URL: " + e.getMessage());
    }
    SavedSearches.View saved =
        alerts.add(
            text(body, "name"),
            text(body, "query"),
            text(body, "party"),
            text(body, "ministry"),
            url,
            text(body, "secret"));
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    AdminServer.respond(exchange, 201, JsonResponses.JSON, Json.mapper().writeValueAsString(saved));
  }

  private void remove(HttpExchange exchange, String name) throws IOException, RetryableException {
    if (alerts.remove(name)) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    } else {
      JsonResponses.error(exchange, 404, "no saved search named " + name);
    }
  }

  private void test(HttpExchange exchange, String name) throws IOException {
    Optional<SavedSearches.TestResult> result = alerts.test(name);
    if (result.isEmpty()) {
      JsonResponses.error(exchange, 404, "no saved search named " + name);
    } else {
      JsonResponses.ok(exchange, result.get());
    }
  }

  private static boolean isJson(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  private static String name(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
