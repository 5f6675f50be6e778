package nl.kamerstukken.pipeline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.pipeline.CliRun;
import nl.kamerstukken.pipeline.TestPipelines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources are remembered per source: {@code ./kamerstukken up --inbox A}, then {@code up --inbox B}
 * on the same data folder keeps A's Kamerstukken searchable (a user found every one of them
 * tombstoned), {@code up} names A as a known source it is not watching, and {@code prune --source
 * A} removes exactly A's documents. {@code up} runs as a user runs it (the cli jar in a child JVM)
 * on the shared Kafka and Elasticsearch of this JVM.
 */
@ExtendWith(LocalStackExtension.class)
class UpSourcesIT {

  private static final int BATCH = 3;
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path work;
  private Process up;

  @AfterEach
  void stopUp() throws InterruptedException {
    stop();
  }

  @Test
  void switchingInboxesKeepsBothAndPruneRemovesOne(LocalStack stack) throws Exception {
    String namespace = TestPipelines.namespace("sources");
    Path inboxA = Files.createDirectories(work.resolve("inbox-a"));
    Path inboxB = Files.createDirectories(work.resolve("inbox-b"));
    PipelineSettings settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), inboxA, work, namespace, null);
    Observer observer =
        new Observer(stack.elasticsearchUrl(), stack.kafkaBootstrapServers(), settings);
    Batch a = Batch.generate(work, 51, BATCH);
    Batch b = Batch.generate(work, 52, BATCH);

    // Given up on inbox A, with A's Kamerstukken indexed
    up = UpLauncher.launch(stack, settings, namespace, inboxA, work.resolve("up-a.log"));
    a.dropInto(inboxA);
    awaitIndexed(observer, a);
    stop();

    // When up runs on inbox B with the same data folder, and B's Kamerstukken arrive
    Path logB = work.resolve("up-b.log");
    up = UpLauncher.launch(stack, settings, namespace, inboxB, logB);
    b.dropInto(inboxB);
    awaitIndexed(observer, b);

    // Then A's Kamerstukken are still searchable, all of them, with their questions and answers
    await("inbox A's Kamerstukken stay searchable while up watches inbox B")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> observer.documentHits(a).size() == BATCH);
    assertThat(observer.documentHits(a)).containsExactlyInAnyOrderElementsOf(a.identifiers());
    assertThat(observer.qaHits(a)).hasSize(a.expectedQa());
    // And up named A as a known source it is not watching, with the command that removes it
    String started = Files.readString(logB);
    assertThat(started)
        .contains("Known sources not watched now")
        .contains(inboxA.toRealPath().toString())
        .contains(BATCH + " file(s), " + BATCH + " document(s)")
        .contains("./kamerstukken prune --source folder-inbox-a-");

    // When prune is asked what it would do for A
    String[] connection = {
      "--data-dir", settings.dataDir().toString(),
      "--kafka", stack.kafkaBootstrapServers(),
      "--topic-prefix", settings.topicPrefix()
    };
    CliRun dryRun = CliRun.of(args("--dry-run", inboxA.toString(), connection));

    // Then it lists A's files and counts, and removes nothing
    assertThat(dryRun.exitCode()).isZero();
    assertThat(dryRun.output())
        .contains(a.name() + "/" + a.identifiers().get(0) + ".pdf")
        .contains("would prune folder " + inboxA.toRealPath())
        .contains(BATCH + " file(s), " + BATCH + " document(s) would be removed, 0 kept");
    assertThat(observer.documentHits(a)).hasSize(BATCH);

    // When A is pruned
    CliRun prune = CliRun.of(args(null, inboxA.toString(), connection));

    // Then exactly A's documents leave search; B's stay
    assertThat(prune.exitCode()).isZero();
    assertThat(prune.output()).contains(BATCH + " document(s) removed");
    await("prune --source A removes A's Kamerstukken and their Q&A from search")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> observer.documentHits(a).isEmpty() && observer.qaHits(a).isEmpty());
    assertThat(observer.documentHits(b)).containsExactlyInAnyOrderElementsOf(b.identifiers());
    assertThat(observer.qaHits(b)).hasSize(b.expectedQa());
    // And A is forgotten: a second prune names no such source
    CliRun again = CliRun.of(args(null, inboxA.toString(), connection));
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.output()).contains("knows no source named");
  }

  private static String[] args(String flag, String source, String[] connection) {
    List<String> args = new java.util.ArrayList<>(List.of("prune", "--source", source));
    if (flag != null) {
      args.add(flag);
    }
    args.addAll(List.of(connection));
    return args.toArray(String[]::new);
  }

  private static void awaitIndexed(Observer observer, Batch batch) {
    await(batch.name() + " indexed")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                observer.documentHits(batch).size() == batch.size()
                    && observer.qaHits(batch).size() == batch.expectedQa());
  }

  /** Ctrl-C: up stops its services (the ingest ledger is released) and exits. */
  private void stop() throws InterruptedException {
    if (up == null) {
      return;
    }
    UpLauncher.stop(up, Duration.ofSeconds(60));
    up = null;
  }
}
