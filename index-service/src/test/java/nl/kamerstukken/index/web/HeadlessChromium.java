package nl.kamerstukken.index.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.kamerstukken.model.Json;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol with the JDK's WebSocket
 * client: open a page, type, click, read the DOM. Nothing is downloaded: the browser must be
 * installed ({@code apt-get install chromium}); {@link #find()} says whether it is.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final long TIMEOUT_SECONDS = 30;

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile, WebSocket.Builder builder, URI page)
      throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket = builder.buildAsync(page, new Listener()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** The chromium binary on the PATH ({@code CHROMIUM_BIN} overrides), if any. */
  static Optional<Path> find() {
    String override = System.getenv("CHROMIUM_BIN");
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static HeadlessChromium start(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("kamerstukken-chromium-");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .start();
    try {
      URI browser = devtoolsUri(process);
      int port = browser.getPort();
      HttpClient http = HttpClient.newHttpClient();
      JsonNode target =
          Json.mapper()
              .readTree(
                  http.send(
                          HttpRequest.newBuilder(
                                  URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                              .PUT(HttpRequest.BodyPublishers.noBody())
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      return new HeadlessChromium(
          process,
          profile,
          http.newWebSocketBuilder(),
          URI.create(target.get("webSocketDebuggerUrl").asText()));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /**
   * Reads the browser's output until it says where DevTools listens (the rest of its output is
   * drained).
   */
  private static URI devtoolsUri(Process process) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = reader.readLine()) != null; ) {
      Matcher matcher = DEVTOOLS.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> reader.lines().forEach(l -> {}), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        return URI.create(matcher.group(1));
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("chromium exited without a DevTools address:\n" + seen);
  }

  void navigate(String url) throws Exception {
    ObjectNode params = Json.mapper().createObjectNode().put("url", url);
    call("Page.navigate", params);
  }

  /** The value of a JavaScript expression in the page (promises awaited). */
  JsonNode evaluate(String expression) throws Exception {
    ObjectNode params =
        Json.mapper()
            .createObjectNode()
            .put("expression", expression)
            .put("returnByValue", true)
            .put("awaitPromise", true);
    JsonNode result = call("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
    }
    return result.at("/result/value");
  }

  /** Types text into the focused element, as a keyboard would. */
  void type(String text) throws Exception {
    call("Input.insertText", Json.mapper().createObjectNode().put("text", text));
  }

  /** A real mouse click in the middle of the element {@code selector} selects. */
  void click(String selector) throws Exception {
    JsonNode box =
        evaluate(
            "(() => { const r = document.querySelector('"
                + selector
                + "').getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call(
          "Input.dispatchMouseEvent",
          Json.mapper()
              .createObjectNode()
              .put("type", type)
              .put("x", box.get("x").asDouble())
              .put("y", box.get("y").asDouble())
              .put("button", "left")
              .put("clickCount", 1));
    }
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(message.toString(), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    JsonNode response = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  @Override
  public void close() throws IOException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } catch (RuntimeException e) {
      // the browser may be gone already
    }
    // Chromium's helper processes (network service, renderers) may outlive the browser process
    // and still write into the profile: stop them all before the profile is removed.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroyForcibly();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // a helper that does not stop leaves a temp folder behind; the test result stands
    }
    deleteProfile();
  }

  /** Removes the profile folder; a file that vanishes meanwhile is no error. */
  private void deleteProfile() throws IOException {
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        return;
      } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
        if (attempt >= 3) {
          return;
        }
      }
    }
  }

  /** Collects text frames into messages and completes the call each answer belongs to. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = Json.mapper().readTree(partial.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
              answer.complete(message);
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException("DevTools sent something that is not JSON", e);
        } finally {
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
