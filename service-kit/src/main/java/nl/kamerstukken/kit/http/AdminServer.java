package nl.kamerstukken.kit.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import nl.kamerstukken.model.Json;

/**
 * The HTTP side of a service: {@code GET /health} (liveness and readiness with every check's
 * detail; 200 when ready, 503 when not), {@code /health/live}, {@code /health/ready}, and {@code
 * GET /metrics} in Prometheus text format. Services may add routes (the index service serves search
 * there).
 */
public final class AdminServer implements AutoCloseable {

  private final HttpServer server;
  private final PrometheusMeterRegistry registry;
  private final Map<String, HealthCheck> checks = new LinkedHashMap<>();

  private AdminServer(HttpServer server, PrometheusMeterRegistry registry) {
    this.server = server;
    this.registry = registry;
  }

  /**
   * Binds {@code host:port} like {@link #start}, or fails with a message naming the setting to
   * change ({@code portVariable}, e.g. {@code PARSE_HTTP_PORT}).
   */
  public static AdminServer startOrExplain(
      String host, int port, PrometheusMeterRegistry registry, String portVariable) {
    try {
      return start(host, port, registry);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve /health on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): set "
              + portVariable,
          e);
    }
  }

  /** Binds {@code host:port} (port 0 = any free port) and starts serving. */
  public static AdminServer start(String host, int port, PrometheusMeterRegistry registry)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "admin-http");
              t.setDaemon(true);
              return t;
            }));
    AdminServer admin = new AdminServer(server, registry);
    server.createContext("/health", admin::health);
    server.createContext("/metrics", admin::metrics);
    server.start();
    return admin;
  }

  /** Adds a readiness check shown under {@code name}. */
  public synchronized AdminServer check(String name, HealthCheck check) {
    checks.put(name, check);
    return this;
  }

  /** Serves {@code path} (and everything under it) with {@code handler}. */
  public AdminServer route(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void health(HttpExchange exchange) throws IOException {
    if (exchange.getRequestURI().getPath().equals("/health/live")) {
      respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
      return;
    }
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode details = body.putObject("checks");
    boolean ready = true;
    for (Map.Entry<String, HealthCheck> entry : snapshot().entrySet()) {
      HealthCheck.Status status = safely(entry.getValue());
      ready &= status.up();
      details
          .putObject(entry.getKey())
          .put("status", status.up() ? "UP" : "DOWN")
          .put("detail", status.detail());
    }
    body.put("live", true);
    body.put("status", ready ? "UP" : "DOWN");
    respond(exchange, ready ? 200 : 503, "application/json", body.toString());
  }

  private synchronized Map<String, HealthCheck> snapshot() {
    return new LinkedHashMap<>(checks);
  }

  private static HealthCheck.Status safely(HealthCheck check) {
    try {
      return check.check();
    } catch (RuntimeException e) {
      return HealthCheck.Status.down(e.toString());
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }

  /** Writes a complete response and closes the exchange. */
  public static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
