package nl.kamerstukken.pipeline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.host.InstalledJdks;
import nl.kamerstukken.localstack.host.InstalledJdks.Jdk;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.pipeline.TestPipelines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} on a JDK 25 as the launcher runs it there: the first run trains each service's AOT
 * cache and writes it when Ctrl-C stops it, the next run starts every service with its cache and
 * still indexes what is dropped. Skipped where no JDK 25+ is installed.
 */
@ExtendWith(LocalStackExtension.class)
class UpAotCacheIT {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path work;
  private Process up;

  @AfterEach
  void stopUp() throws InterruptedException {
    stop();
  }

  @Test
  void theFirstRunTrainsACachePerServiceAndTheNextStartsWithIt(LocalStack stack) throws Exception {
    Optional<Path> java = InstalledJdks.newest(InstalledJdks.JVM_ROOT, 25).map(Jdk::java);
    assumeTrue(java.isPresent(), "no JDK 25+ under /usr/lib/jvm: the AOT cache needs one");
    String namespace = TestPipelines.namespace("aot");
    Path inbox = Files.createDirectories(work.resolve("inbox"));
    Path aot = work.resolve("aot");
    PipelineSettings settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), inbox, work, namespace, null);
    Observer observer =
        new Observer(stack.elasticsearchUrl(), stack.kafkaBootstrapServers(), settings);
    Map<String, String> env = Map.of("KAMERSTUKKEN_AOT_DIR", aot.toString());

    // Given a first up on JDK 25 with no cache, stopped as Ctrl-C stops it
    up = launch(stack, settings, namespace, inbox, "up-1.log", java.get(), env);
    assertThat(aotOptions(up)).allMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    stop();

    // Then each service left its cache
    for (String service : UpLauncher.SERVICES) {
      assertThat(caches(aot, service)).as("the cache of %s", service).hasSize(1);
    }

    // When up starts again, each service starts with its cache, and documents still get indexed
    up = launch(stack, settings, namespace, inbox, "up-2.log", java.get(), env);
    assertThat(aotOptions(up))
        .hasSize(UpLauncher.SERVICES.size())
        .allMatch(option -> option.startsWith("-XX:AOTCache=" + aot));
    Batch batch = Batch.generate(work, 61, 2);
    batch.dropInto(inbox);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> observer.documentHits(batch).size() == batch.size());
  }

  private Process launch(
      LocalStack stack,
      PipelineSettings settings,
      String namespace,
      Path inbox,
      String log,
      Path java,
      Map<String, String> env)
      throws IOException {
    return UpLauncher.launch(stack, settings, namespace, inbox, work.resolve(log), java, env);
  }

  /** The AOT options on the command lines of the service JVMs {@code up} started. */
  private static List<String> aotOptions(Process up) {
    return up.children()
        .filter(child -> child.info().arguments().isPresent())
        .flatMap(child -> Stream.of(child.info().arguments().get()))
        .filter(argument -> argument.startsWith("-XX:AOTCache"))
        .toList();
  }

  private static List<Path> caches(Path aot, String service) throws IOException {
    try (Stream<Path> files = Files.list(aot)) {
      return files
          .filter(file -> file.getFileName().toString().matches(service + "-[0-9a-f]+\\.aot"))
          .toList();
    }
  }

  /** Ctrl-C: up stops its services, which write their caches on the way out. */
  private void stop() throws InterruptedException {
    if (up != null) {
      UpLauncher.stop(up, Duration.ofMinutes(2));
      up = null;
    }
  }
}
