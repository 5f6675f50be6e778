package nl.kamerstukken.pipeline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;

/** Starts {@code ./kamerstukken up} (the cli jar in a child JVM) on the shared stack. */
final class UpLauncher {

  private static final Duration PATIENCE = Duration.ofMinutes(5);

  /** The services {@code up} starts, in the order of its {@code --http-ports}. */
  static final List<String> SERVICES =
      List.of(
          PipelineSettings.INGEST,
          PipelineSettings.PARSE,
          PipelineSettings.INDEX,
          PipelineSettings.ASSEMBLE);

  private UpLauncher() {}

  /**
   * Starts {@code up} watching {@code inbox}, with the data folder, namespace and ports of {@code
   * settings}, its output in {@code log}; returns once it says it is up.
   */
  static Process launch(
      LocalStack stack, PipelineSettings settings, String namespace, Path inbox, Path log)
      throws IOException {
    return launch(
        stack,
        settings,
        namespace,
        inbox,
        log,
        Path.of(System.getProperty("java.home"), "bin", "java"),
        Map.of());
  }

  /** As {@link #launch}, with the cli on {@code java} and {@code env} added to its environment. */
  static Process launch(
      LocalStack stack,
      PipelineSettings settings,
      String namespace,
      Path inbox,
      Path log,
      Path java,
      Map<String, String> env)
      throws IOException {
    Path home = PipelineSettings.locateHome();
    Path jar = home.resolve("cli/target/kamerstukken-cli.jar");
    assertThat(jar).as("built by the package phase before the ITs").isRegularFile();
    List<String> ports =
        SERVICES.stream().map(s -> String.valueOf(settings.httpPorts().get(s))).toList();
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx256m",
            "-jar",
            jar.toString(),
            "up",
            "--kafka",
            stack.kafkaBootstrapServers(),
            "--elasticsearch-url",
            stack.elasticsearchUrl(),
            "--namespace",
            namespace,
            "--data-dir",
            settings.dataDir().toString(),
            "--inbox",
            inbox.toString(),
            "--http-ports",
            String.join(",", ports));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(log.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("KAMERSTUKKEN_HOME", home.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !process.isAlive() || Files.readString(log).contains("kamerstukken is up"));
      assertThat(process.isAlive())
          .as("up stopped; its output:%n%s", Files.readString(log))
          .isTrue();
      return process;
    } catch (RuntimeException | AssertionError e) {
      process.destroy();
      throw e;
    }
  }

  /**
   * Ctrl-C: SIGTERM to {@code up}, which stops its services; what is left after {@code wait} is
   * killed, with the processes {@code up} had started.
   */
  static void stop(Process up, Duration wait) throws InterruptedException {
    List<ProcessHandle> tree = up.descendants().toList();
    up.destroy();
    if (!up.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      up.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
