package nl.kamerstukken.index.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.kamerstukken.kit.http.AdminServer;

/**
 * The search page at {@code /}: one HTML file with its script and style, no front-end build. It
 * calls {@code /api/search} and links each hit to {@code /api/documents/<id>/original}. Any other
 * path is 404.
 */
final class SearchPage implements HttpHandler {

  private static final String RESOURCE = "search.html";
  private final String html;

  SearchPage() {
    try (InputStream in = SearchPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the index-service jar");
      }
      this.html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!"/".equals(path) && !"/search".equals(path) && !"/index.html".equals(path)) {
      JsonResponses.error(exchange, 404, "nothing at " + path + "; the search page is at /");
      return;
    }
    if (!JsonResponses.requireGet(exchange, false)) {
      return;
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'");
    AdminServer.respond(exchange, 200, "text/html; charset=utf-8", html);
  }
}
