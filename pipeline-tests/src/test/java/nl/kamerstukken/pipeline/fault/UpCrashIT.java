package nl.kamerstukken.pipeline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.cli.up.ServiceProcess;
import nl.kamerstukken.cli.up.Supervision;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.pipeline.PipelineDiagnosis;
import nl.kamerstukken.pipeline.TestPipelines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kamerstukken up} as a user runs it (the cli jar in a child JVM), on the shared Kafka and
 * Elasticsearch of this JVM: {@code kill -9} of each service in turn in the middle of a batch (up
 * restarts each within 15 s), then {@code kill -9} of {@code up} itself in the middle of a batch
 * (no process of that run is left 10 s later, and {@code up} again on the same data folder finishes
 * the batch). Between the two, {@code kill -STOP} of assemble-service: a JVM that lives but no
 * longer answers, as a deadlocked one, is killed and restarted by {@code up}. Every document ends
 * in the index exactly once. Times go to {@code target/up-crash.md}.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpCrashIT {

  private static final int BATCH = 8;
  private static final Duration BACK = Duration.ofSeconds(15);
  private static final Duration GONE = Duration.ofSeconds(10);
  // 30 s of unanswered probes, the restart's backoff and the JVM's start, with room for a slow
  // hour.
  private static final Duration HUNG_BACK = Duration.ofSeconds(90);
  private static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final List<String> REPORT =
      new ArrayList<>(List.of("| scenario | result |", "|---|---|"));

  @TempDir static Path work;
  static String namespace;
  static PipelineSettings settings;
  static Observer observer;
  static LocalStack stack;
  static Process up;
  static PipelineDiagnosis diagnosis;

  @BeforeAll
  static void startUp(LocalStack shared) throws Exception {
    stack = shared;
    namespace = TestPipelines.namespace("upcrash");
    settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), work, namespace, null);
    observer = new Observer(stack.elasticsearchUrl(), stack.kafkaBootstrapServers(), settings);
    up = launch("up-1.log");
  }

  @AfterAll
  static void stopUp() throws Exception {
    if (up != null) {
      UpLauncher.stop(up, Duration.ofSeconds(60));
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "up-crash.md"), REPORT);
    REPORT.forEach(System.out::println);
  }

  @Test
  @Order(1)
  void eachServiceKilledMidBatchIsRestartedByUpAndNothingIsLostOrDoubled() throws Exception {
    // Given a batch on its way through the pipeline
    Batch batch = Batch.generate(work, 41, BATCH);
    batch.dropInto(settings.inbox());
    diagnosis.within(PATIENCE, () -> assertThat(observer.documentHits(batch)).isNotEmpty());

    for (String service : UpLauncher.SERVICES) {
      // When the service is killed
      long pid = state(service).orElseThrow().pid();
      long struck = System.nanoTime();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

      // Then up has it back (another pid, healthy) within 15 s
      await()
          .atMost(BACK)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  state(service)
                          .filter(s -> s.pid() != pid && "running".equals(s.state()))
                          .isPresent()
                      && ServiceProcess.healthy(settings.httpPorts().get(service)));
      REPORT.add(
          "| kill -9 "
              + service
              + " under up | back (healthy, new pid) after "
              + seconds(struck)
              + " s |");
    }

    // And every document and Q&A of the batch is indexed exactly once
    assertExactlyOnce(batch);
    // And the crashes and restarts are counted, as status shows them
    assertThat(Supervision.read(settings.dataDir()))
        .extracting(s -> s.name() + " " + s.crashes() + "/" + s.restarts())
        .containsExactlyInAnyOrder(
            UpLauncher.SERVICES.stream().map(s -> s + " 1/1").toArray(String[]::new));
    assertThat(up.isAlive()).isTrue();
  }

  @Test
  @Order(2)
  void aServiceThatStopsAnsweringIsKilledAndRestartedByUpAndNothingIsLostOrDoubled()
      throws Exception {
    // Given a batch on its way through the pipeline
    Batch batch = Batch.generate(work, 43, BATCH);
    batch.dropInto(settings.inbox());
    diagnosis.within(PATIENCE, () -> assertThat(observer.documentHits(batch)).isNotEmpty());

    // When assemble-service's JVM stops answering while its process lives (as a deadlocked JVM)
    long pid = state(PipelineSettings.ASSEMBLE).orElseThrow().pid();
    long struck = System.nanoTime();
    Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start();
    assertThat(stop.waitFor()).isZero();

    // Then up kills it and has it back (another pid, healthy) once it missed its probes
    await()
        .atMost(HUNG_BACK)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                state(PipelineSettings.ASSEMBLE)
                        .filter(s -> s.pid() != pid && "running".equals(s.state()))
                        .isPresent()
                    && ServiceProcess.healthy(settings.httpPorts().get(PipelineSettings.ASSEMBLE)));
    assertThat(ProcessHandle.of(pid)).isEmpty();
    REPORT.add(
        "| kill -STOP assemble-service under up | killed and back (healthy, new pid) after "
            + seconds(struck)
            + " s |");
    assertThat(Files.readString(work.resolve("up-1.log")))
        .contains("has not answered /health/live for 30 s though its process lives");

    // And every document and Q&A of the batch is indexed exactly once, the hang counted as a crash
    assertExactlyOnce(batch);
    assertThat(state(PipelineSettings.ASSEMBLE).orElseThrow())
        .extracting(s -> s.crashes() + "/" + s.restarts())
        .isEqualTo("2/2");
  }

  @Test
  @Order(3)
  void killingUpMidBatchLeavesNoProcessAndTheNextUpFinishesTheBatch() throws Exception {
    // Given a batch on its way through the pipeline
    Batch batch = Batch.generate(work, 42, BATCH);
    batch.dropInto(settings.inbox());
    diagnosis.within(PATIENCE, () -> assertThat(observer.documentHits(batch)).isNotEmpty());
    List<ProcessHandle> run = new ArrayList<>(up.descendants().toList());
    run.add(up.toHandle());
    assertThat(run).hasSizeGreaterThan(8);

    // When up is killed
    long struck = System.nanoTime();
    up.destroyForcibly();

    // Then no process of that run is left 10 s later
    await()
        .atMost(GONE)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(run)
                    .filteredOn(ProcessHandle::isAlive)
                    .extracting(this::describe)
                    .isEmpty());
    REPORT.add(
        "| kill -9 of up ("
            + run.size()
            + " processes) | all gone after "
            + seconds(struck)
            + " s |");

    // And up again on the same data folder is ready and finishes the batch, exactly once
    long again = System.nanoTime();
    up = launch("up-2.log");
    REPORT.add("| up again on the same data folder | ready after " + seconds(again) + " s |");
    assertExactlyOnce(batch);
    assertThat(Files.readString(work.resolve("up-2.log")))
        .doesNotContain("another ./kamerstukken up");
  }

  private String describe(ProcessHandle process) {
    return process.pid() + " " + process.info().commandLine().orElse("?");
  }

  private static void assertExactlyOnce(Batch batch) {
    diagnosis.within(
        PATIENCE,
        Duration.ofSeconds(1),
        () -> {
          assertThat(observer.documentHits(batch)).hasSizeGreaterThanOrEqualTo(batch.size());
          assertThat(observer.qaHits(batch)).hasSizeGreaterThanOrEqualTo(batch.expectedQa());
        });
    // Stay a moment: redelivered work must not add anything
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                observer.documentHits(batch).size() == batch.size()
                    && observer.qaHits(batch).size() == batch.expectedQa());
    assertThat(observer.documentHits(batch))
        .containsExactlyInAnyOrderElementsOf(batch.identifiers());
    assertThat(Observer.duplicates(observer.qaHits(batch))).isZero();
    assertThat(observer.deadLettersFor(batch.documentIds())).isEmpty();
  }

  /**
   * Starts the cli jar's {@code up} on the shared stack and waits until it says it is up; a wait
   * that runs out from then on shows {@code up}'s console.
   */
  private static Process launch(String logName) throws IOException {
    diagnosis = new PipelineDiagnosis(settings, work.resolve(logName));
    return UpLauncher.launch(stack, settings, namespace, settings.inbox(), work.resolve(logName));
  }

  private static Optional<Supervision.ServiceState> state(String service) {
    return Supervision.read(settings.dataDir()).stream()
        .filter(s -> s.name().equals(service))
        .findFirst();
  }

  private static String seconds(long since) {
    return String.format("%.1f", (System.nanoTime() - since) / 1e9);
  }
}
