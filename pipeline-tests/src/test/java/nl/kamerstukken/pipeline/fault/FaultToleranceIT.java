package nl.kamerstukken.pipeline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.cli.up.ServiceProcess;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.pipeline.CliRun;
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
 * Faults in the middle of a batch of 200 documents, on the real local stack, one pipeline for all
 * scenarios in turn, each with its own batch: every service (assemble-service too) killed with
 * {@code kill -9} and restarted, Elasticsearch stopped for 30 s, the Kafka broker restarted, every
 * service stopped with SIGTERM and restarted. After each, every document of the batch is in the
 * index exactly once (documents, Q&A and Kamervraag cases as expected: each generated Aanhangsel is
 * an answered case) and nothing is dead-lettered. The counts are written to {@code
 * target/fault-tolerance.md}.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

  private static final int BATCH = 200;

  /** A quarter of the batch done: the fault strikes in the middle of the work. */
  private static final int STRIKE_AT = BATCH / 4;

  private static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final FaultReport REPORT = new FaultReport();

  @TempDir static Path work;
  static LocalStack stack;
  static PipelineSettings settings;
  static Pipeline pipeline;
  static Observer observer;

  @BeforeAll
  static void startThePipeline(LocalStack localStack) throws Exception {
    stack = localStack;
    assumeTrue(
        stack.managesKafka() && stack.managesElasticsearch(),
        "the fault tests stop and start Kafka and Elasticsearch, so they need the ones local-stack runs");
    settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            work,
            TestPipelines.namespace("fault"),
            Path.of("target", "fault-logs").toAbsolutePath());
    observer = new Observer(stack.elasticsearchUrl(), stack.kafkaBootstrapServers(), settings);
    pipeline = Pipeline.start(settings);
  }

  @AfterAll
  static void stopThePipeline() {
    if (pipeline != null) {
      pipeline.close();
      REPORT.write(Path.of("target", "fault-tolerance.md"));
    }
  }

  @Test
  @Order(1)
  void killingIngestMidBatchLosesAndDoublesNothing() throws Exception {
    Batch batch = Batch.generate(work, 11, BATCH);
    ServiceProcess ingest = pipeline.service(PipelineSettings.INGEST);
    double before = announced(ingest);
    batch.dropInto(settings.inbox());

    awaitThat(() -> announced(ingest) - before >= STRIKE_AT);
    String faultAt = (long) (announced(ingest) - before) + " of " + BATCH + " announced";
    long struck = System.nanoTime();
    ingest.kill();
    pipeline.startService(PipelineSettings.INGEST).awaitReady(PATIENCE);

    assertCompleteAndExact("kill -9 ingest-service", batch, faultAt, struck);
  }

  @Test
  @Order(2)
  void killingParseMidBatchLosesAndDoublesNothingAndLeavesNoParseWorkers() throws Exception {
    Batch batch = Batch.generate(work, 12, BATCH);
    ServiceProcess parse = pipeline.service(PipelineSettings.PARSE);
    double before = parsed(parse);
    batch.dropInto(settings.inbox());

    awaitThat(() -> parsed(parse) - before >= STRIKE_AT);
    List<ProcessHandle> workers =
        ProcessHandle.of(parse.pid()).orElseThrow().descendants().toList();
    String faultAt = (long) (parsed(parse) - before) + " of " + BATCH + " parsed";
    long struck = System.nanoTime();
    parse.kill();

    // The parse workers notice that their service is gone and exit by themselves
    assertThat(workers).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> workers.stream().noneMatch(ProcessHandle::isAlive));
    pipeline.startService(PipelineSettings.PARSE).awaitReady(PATIENCE);

    assertCompleteAndExact("kill -9 parse-service", batch, faultAt, struck);
  }

  @Test
  @Order(3)
  void killingIndexMidBatchLosesAndDoublesNothing() throws Exception {
    Batch batch = Batch.generate(work, 13, BATCH);
    ServiceProcess index = pipeline.service(PipelineSettings.INDEX);
    batch.dropInto(settings.inbox());

    awaitThat(() -> observer.documentHits(batch).size() >= STRIKE_AT);
    String faultAt = observer.documentHits(batch).size() + " of " + BATCH + " indexed";
    long struck = System.nanoTime();
    index.kill();
    pipeline.startService(PipelineSettings.INDEX).awaitReady(PATIENCE);

    assertCompleteAndExact("kill -9 index-service", batch, faultAt, struck);
  }

  @Test
  @Order(4)
  void killingAssembleMidBatchLosesAndDoublesNothingInAnyAlias() throws Exception {
    Batch batch = Batch.generate(work, 17, BATCH);
    ServiceProcess assemble = pipeline.service(PipelineSettings.ASSEMBLE);
    batch.dropInto(settings.inbox());

    awaitThat(() -> observer.documentHits(batch).size() >= STRIKE_AT);
    String faultAt = observer.documentHits(batch).size() + " of " + BATCH + " indexed";
    long struck = System.nanoTime();
    assemble.kill();
    pipeline.startService(PipelineSettings.ASSEMBLE).awaitReady(PATIENCE);

    assertCompleteAndExact("kill -9 assemble-service", batch, faultAt, struck);
  }

  @Test
  @Order(5)
  void elasticsearchDownFor30SecondsPausesIndexingAndStatusSaysStuck() throws Exception {
    Batch batch = Batch.generate(work, 14, BATCH);
    ServiceProcess index = pipeline.service(PipelineSettings.INDEX);
    batch.dropInto(settings.inbox());

    awaitThat(() -> observer.documentHits(batch).size() >= STRIKE_AT);
    String faultAt = observer.documentHits(batch).size() + " of " + BATCH + " indexed";
    long struck = System.nanoTime();
    stack.elasticsearch().stop();

    // While it is down, the index service stays up, says Elasticsearch is unreachable, and status
    // calls it stuck
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(observer.health(index))
                    .contains("\"elasticsearch\":{\"status\":\"DOWN\""));
    assertThat(status("2s")).isEqualTo(1);
    // And it stays alive, paused, for the rest of the 30 s
    Duration rest = Duration.ofSeconds(30).minusNanos(System.nanoTime() - struck);
    if (!rest.isNegative()) {
      await().during(rest).atMost(rest.plusSeconds(10)).until(index::isAlive);
    }
    stack.elasticsearch().start();

    assertCompleteAndExact("Elasticsearch stopped for 30 s", batch, faultAt, struck);
    assertThat(pipeline.services()).allSatisfy(service -> assertThat(service.isAlive()).isTrue());
  }

  @Test
  @Order(6)
  void restartingTheKafkaBrokerMidRunLosesAndDoublesNothing() throws Exception {
    Batch batch = Batch.generate(work, 15, BATCH);
    batch.dropInto(settings.inbox());

    awaitThat(() -> observer.documentHits(batch).size() >= STRIKE_AT);
    String faultAt = observer.documentHits(batch).size() + " of " + BATCH + " indexed";
    long struck = System.nanoTime();
    stack.kafka().stop();
    stack.kafka().start();

    assertCompleteAndExact("Kafka broker restarted", batch, faultAt, struck);
    assertThat(pipeline.services()).allSatisfy(service -> assertThat(service.isAlive()).isTrue());
    // And when all is done, status sees nothing waiting and everything ready
    await().atMost(Duration.ofSeconds(60)).until(() -> status("1s") == 0);
  }

  @Test
  @Order(7)
  void sigtermToEachServiceInTurnMidBatchFinishesOrHandsBackTheWork() throws Exception {
    Batch batch = Batch.generate(work, 16, BATCH);
    double announcedBefore = announced(pipeline.service(PipelineSettings.INGEST));
    double parsedBefore = parsed(pipeline.service(PipelineSettings.PARSE));
    batch.dropInto(settings.inbox());
    long struck = System.nanoTime();

    awaitThat(
        () -> announced(pipeline.service(PipelineSettings.INGEST)) - announcedBefore >= STRIKE_AT);
    terminateAndRestart(PipelineSettings.INGEST);
    awaitThat(() -> parsed(pipeline.service(PipelineSettings.PARSE)) - parsedBefore >= STRIKE_AT);
    terminateAndRestart(PipelineSettings.PARSE);
    awaitThat(() -> observer.documentHits(batch).size() >= STRIKE_AT / 2);
    terminateAndRestart(PipelineSettings.ASSEMBLE);
    awaitThat(() -> observer.documentHits(batch).size() >= STRIKE_AT);
    String faultAt = observer.documentHits(batch).size() + " of " + BATCH + " indexed at the last";
    terminateAndRestart(PipelineSettings.INDEX);

    assertCompleteAndExact(
        "SIGTERM ingest, parse, assemble, index in turn", batch, faultAt, struck);
  }

  /**
   * SIGTERM: the service must exit by itself (exit code 143), well before the 60 s after which it
   * is killed.
   */
  private static void terminateAndRestart(String name) throws Exception {
    ServiceProcess service = pipeline.service(name);
    List<ProcessHandle> children =
        ProcessHandle.of(service.pid()).orElseThrow().descendants().toList();
    long started = System.nanoTime();
    int exitCode = service.stop(Duration.ofSeconds(60));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("SIGTERM %s: exit code %d after %d ms%n", name, exitCode, took.toMillis());
    assertThat(exitCode).as(name + " exit code after SIGTERM").isEqualTo(143);
    assertThat(took).as(name + " time to stop").isLessThan(Duration.ofSeconds(45));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    pipeline.startService(name).awaitReady(PATIENCE);
  }

  /**
   * Waits until the batch is completely indexed, then checks it is there exactly once and records
   * the counts.
   */
  private static void assertCompleteAndExact(
      String scenario, Batch batch, String faultAt, long struck) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                observer.documentHits(batch).size() >= batch.size()
                    && observer.qaHits(batch).size() >= batch.expectedQa()
                    && observer.caseHits(batch).size() >= batch.size());
    double recovery = (System.nanoTime() - struck) / 1e9;
    // Stay a moment: redelivered work must not add anything
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                observer.documentHits(batch).size() == batch.size()
                    && observer.qaHits(batch).size() == batch.expectedQa()
                    && observer.caseHits(batch).size() == batch.size());
    List<String> documents = observer.documentHits(batch);
    List<String> qa = observer.qaHits(batch);
    List<String> cases = observer.caseHits(batch);
    int deadLettered = observer.deadLettersFor(batch.documentIds()).size();
    REPORT.add(
        scenario,
        batch,
        documents,
        qa,
        cases,
        deadLettered,
        observer.parsedEventsFor(batch.documentIds()),
        faultAt,
        recovery);

    assertThat(documents).containsExactlyInAnyOrderElementsOf(batch.identifiers());
    assertThat(Observer.duplicates(qa)).isZero();
    assertThat(qa).hasSize(batch.expectedQa());
    assertThat(Observer.duplicates(cases)).isZero();
    assertThat(cases).hasSize(batch.size());
    assertThat(deadLettered).isZero();
  }

  private static double announced(ServiceProcess ingest) {
    return observer.metric(ingest, "kamerstukken_ingest_files_announced_total");
  }

  private static double parsed(ServiceProcess parse) {
    return observer.metric(parse, "kamerstukken_parse_documents_total");
  }

  private static void awaitThat(BooleanSupplier condition) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
  }

  /** Runs {@code ./kamerstukken status} against this pipeline; returns its exit code. */
  private static int status(String window) {
    List<String> args = new ArrayList<>(List.of("status", "--window", window));
    args.addAll(TestPipelines.cliConnection(settings));
    args.addAll(List.of("--http-ports", TestPipelines.statusPorts(settings)));
    return CliRun.of(args.toArray(String[]::new)).exitCode();
  }
}
