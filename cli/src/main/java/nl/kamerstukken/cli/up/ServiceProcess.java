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
import java.util.concurrent.TimeUnit;

/**
 * One pipeline service running as a child JVM from its jar, as it runs in production. It serves
 * {@code /health} on {@link #httpPort()}; {@link #stop} is a graceful SIGTERM (the service commits
 * what it finished and hands back the rest), {@link #kill} is {@code kill -9} for fault tests.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final int httpPort;
  private final Path log;

  private ServiceProcess(String name, Process process, int httpPort, Path log) {
    this.name = name;
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  /**
   * Starts {@code java -jar jar} with {@code env} added to this process's environment.
   *
   * @param log where the service's output goes; null = this console
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
    if (log == null) {
      builder.inheritIO();
    } else {
      Files.createDirectories(log.getParent());
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    return new ServiceProcess(name, builder.start(), httpPort, log);
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
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
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

  private String before() {
    if (log == null || !Files.exists(log)) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log);
      return "; last lines of "
          + log
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "; see " + log;
    }
  }

  /**
   * SIGTERM, then SIGKILL if the service has not exited within {@code grace}. Returns the exit
   * code.
   */
  public int stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return process.exitValue();
  }

  /** {@code kill -9}: the service gets no chance to finish anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
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
