package nl.kamerstukken.cli.up;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.localstack.host.ChildProcess;
import nl.kamerstukken.localstack.host.Lifeline;

/**
 * One pipeline service running as a child JVM from its jar, as it runs in production. It serves
 * {@code /health} on {@link #httpPort()}; {@link #stop} is a graceful SIGTERM (the service commits
 * what it finished and hands back the rest), {@link #kill} is {@code kill -9} for fault tests. A
 * {@link Lifeline} stops it (and its parse workers) when the JVM that started it dies, {@code kill
 * -9} included.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final int httpPort;
  private final Path log;
  private final ConsoleTail console;
  private final Lifeline lifeline;

  private ServiceProcess(
      String name, Process process, int httpPort, Path log, ConsoleTail console) {
    this.name = name;
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
    this.console = console;
    this.lifeline = Lifeline.of(name, process.toHandle());
  }

  /**
   * Starts {@code java -jar jar} with {@code env} added to this process's environment.
   *
   * @param log where the service's output goes; null = this console (its last lines are kept for
   *     {@link #lastLines})
   */
  public static ServiceProcess start(
      String name,
      Path jar,
      List<String> jvmOptions,
      Map<String, String> env,
      int httpPort,
      Path log)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name + ": " + jar + " does not exist; build it with ./mvnw -DskipTests package");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    if (log != null) {
      Files.createDirectories(log.getParent());
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    Process process = builder.start();
    ConsoleTail console = log == null ? ConsoleTail.copy(name, process.getInputStream()) : null;
    return new ServiceProcess(name, process, httpPort, log, console);
  }

  /** The last {@code count} lines the service wrote (its log file, or what went to the console). */
  public String lastLines(int count) {
    if (console != null) {
      return console.last(count);
    }
    if (log == null || !Files.exists(log)) {
      return "";
    }
    return ChildProcess.tail(log, count);
  }

  /** The exit code, once the process has ended. */
  public int exitCode() {
    return process.exitValue();
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return httpPort;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until {@code /health} answers 200, failing early (with the log's tail) if the process
   * ends.
   */
  public void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with code " + process.exitValue() + before());
      }
      if (healthy()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + before());
  }

  /** Whether {@code /health} answers 200 right now. */
  public boolean healthy() {
    return healthy(httpPort);
  }

  /** Whether the service on {@code port} of this host answers {@code /health} with 200 now. */
  public static boolean healthy(int port) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
              .timeout(Duration.ofSeconds(3))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * One look whether the service on {@code port} is alive: completes with true when its {@code
   * /health/live} answers within {@code within}, false when not (refused, timed out). That path
   * runs none of the readiness checks, which take seconds when Kafka or Elasticsearch is away: an
   * outage is no reason to call a service hung.
   */
  static CompletableFuture<Boolean> answers(int port, Duration within) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
            .timeout(within)
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((response, e) -> e == null);
  }

  private String before() {
    String last = lastLines(30);
    return last.isEmpty()
        ? ""
        : "; its last lines" + (log == null ? "" : " (" + log + ")") + ":\n" + last;
  }

  /**
   * SIGTERM, then SIGKILL if the service has not exited within {@code grace}. Returns the exit
   * code.
   */
  public int stop(Duration grace) throws InterruptedException {
    // Through the handle: Process.destroy() also closes our end of the service's output pipe, so
    // its last lines (how it stopped) would be lost, and a JVM it starts on the way out (the JDK's
    // AOT cache writer) dies of SIGPIPE on its first line.
    process.toHandle().destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    lifeline.cut();
    return process.exitValue();
  }

  /** {@code kill -9}: the service gets no chance to finish anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    lifeline.cut();
  }

  /** Lets go of a process that has ended by itself (its lifeline has nothing left to do). */
  void release() {
    lifeline.cut();
  }

  @Override
  public void close() {
    try {
      stop(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
