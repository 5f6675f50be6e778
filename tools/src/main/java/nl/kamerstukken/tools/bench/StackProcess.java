package nl.kamerstukken.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A round's local stack in its own JVM ({@link StackMain}), with the launcher's JVM options ({@code
 * KAMERSTUKKEN_JAVA_OPTS}, default {@code -Xmx512m}); closing it stops the stack. {@link #start}
 * returns as soon as Kafka answers, {@link #awaitStack} when Elasticsearch does too: between the
 * two the bench starts the services that need only Kafka, as {@code up} does.
 */
final class StackProcess implements AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private final Path log;
  private final double kafkaSeconds;
  private final long kafkaAnnounced = System.nanoTime();
  private final String kafkaBootstrap;
  private final String elasticsearchUrl;

  private StackProcess(Process process, BufferedReader out, Path log, String[] kafkaLine) {
    this.process = process;
    this.out = out;
    this.log = log;
    this.kafkaSeconds = Long.parseLong(kafkaLine[0]) / 1000.0;
    this.kafkaBootstrap = kafkaLine[1];
    this.elasticsearchUrl = kafkaLine[2];
  }

  /** Starts the stack JVM; returns when Kafka answers (Elasticsearch may still be starting). */
  static StackProcess start(Path dir, String kafka, String elasticsearch) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String options = System.getenv("KAMERSTUKKEN_JAVA_OPTS");
    command.addAll(List.of((options == null ? "-Xmx512m" : options).trim().split("\\s+")));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Dlogback.configurationFile=kamerstukken-tools-logback.xml",
            StackMain.class.getName(),
            dir.resolve("stack").toString(),
            kafka == null ? "-" : kafka,
            elasticsearch == null ? "-" : elasticsearch));
    Path log = Files.createDirectories(dir).resolve("stack.log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      return new StackProcess(process, out, log, announced(out, StackMain.KAFKA_READY, log));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /**
   * Waits until the whole stack answers; returns the seconds from the start of the stack JVM's main
   * until then.
   */
  double awaitStack() throws IOException {
    return Long.parseLong(announced(out, StackMain.READY, log)[0]) / 1000.0;
  }

  /** Seconds from the start of the stack JVM's main until now, on the bench's clock after Kafka. */
  double secondsSinceStart() {
    return kafkaSeconds + (System.nanoTime() - kafkaAnnounced) / 1e9;
  }

  double kafkaSeconds() {
    return kafkaSeconds;
  }

  String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  String elasticsearchUrl() {
    return elasticsearchUrl;
  }

  long pid() {
    return process.pid();
  }

  private static String[] announced(BufferedReader out, String what, Path log) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(what)) {
        return line.substring(what.length()).split(" ");
      }
    }
    throw new IllegalStateException("the local stack did not start; see " + log);
  }

  /** Closes the stack JVM's stdin, so it stops the stack, and waits for it. */
  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroy();
      process.waitFor(1, TimeUnit.MINUTES);
    }
  }
}
