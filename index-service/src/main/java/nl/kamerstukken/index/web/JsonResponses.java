package nl.kamerstukken.index.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import nl.kamerstukken.kit.http.AdminServer;
import nl.kamerstukken.model.Json;

/**
 * JSON answers of the search API; errors are {@code {"error": "..."}} with a message that says what
 * to do.
 */
final class JsonResponses {

  static final String JSON = "application/json; charset=utf-8";

  private JsonResponses() {}

  static void ok(HttpExchange exchange, Object body) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    AdminServer.respond(exchange, 200, JSON, write(body));
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    AdminServer.respond(
        exchange, status, JSON, Json.mapper().createObjectNode().put("error", message).toString());
  }

  /**
   * Only GET is served (HEAD too where {@code head} is true); answers 405 otherwise and returns
   * false.
   */
  static boolean requireGet(HttpExchange exchange, boolean head) throws IOException {
    String method = exchange.getRequestMethod();
    if ("GET".equals(method) || (head && "HEAD".equals(method))) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", head ? "GET, HEAD" : "GET");
    error(exchange, 405, method + " is not supported here; use GET");
    return false;
  }

  private static String write(Object body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a search response as JSON", e);
    }
  }
}
