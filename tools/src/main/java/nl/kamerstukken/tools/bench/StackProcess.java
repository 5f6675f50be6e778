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
 * KAMERSTUKKEN_JAVA_OPTS}, default {@code -Xmx512m}); closing it stops the stack.
 *
 * @param readySeconds from the start of the stack JVM's main until Kafka and Elasticsearch answered
 */
record StackProcess(
    Process process, double readySeconds, String kafkaBootstrap, String elasticsearchUrl)
    implements AutoCloseable {

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
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(StackMain.READY)) {
        String[] fields = line.substring(StackMain.READY.length()).split(" ");
        return new StackProcess(process, Long.parseLong(fields[0]) / 1000.0, fields[1], fields[2]);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the local stack did not start; see " + log);
  }

  long pid() {
    return process.pid();
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
