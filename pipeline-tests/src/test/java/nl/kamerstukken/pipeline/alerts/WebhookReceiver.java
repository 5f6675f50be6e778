package nl.kamerstukken.pipeline.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on the JDK's HTTP server, on a fixed port so it can be taken down and brought
 * back: records every call (headers and body) and answers 200.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One received call. */
  record Call(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final int port;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private HttpServer server;

  WebhookReceiver(int port) {
    this.port = port;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/hook";
  }

  synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes()));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  /** Down: nothing listens on the port any more. */
  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    stop();
  }
}
