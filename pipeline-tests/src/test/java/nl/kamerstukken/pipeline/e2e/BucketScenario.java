package nl.kamerstukken.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.s3.S3Target;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.pipeline.TestPipelines;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket-to-search scenario, run on whatever infrastructure it is given: the local stack with
 * S3Proxy ({@link BucketToSearchIT}) or containers with MinIO ({@link BucketToSearchContainersIT}).
 * The three services run as child JVMs from their jars, ingest watching a bucket and storing blobs
 * in another, parse reading them there.
 */
final class BucketScenario {

  private static final Logger LOG = LoggerFactory.getLogger(BucketScenario.class);
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final String COMMITTEE = "kst-26643-1522";
  private static final String AANHANGSEL = "00fe7edd-24c8-4857-98da-774ed3b06836";

  /** Where Kafka, Elasticsearch (plain HTTP, no security) and S3 answer. */
  record Infrastructure(String kafkaBootstrapServers, String elasticsearchUrl, S3Target s3) {}

  private final Infrastructure infrastructure;
  private final Path work;

  BucketScenario(Infrastructure infrastructure, Path work) {
    this.infrastructure = infrastructure;
    this.work = work;
  }

  /**
   * Runs the scenario; returns how long a put object took to become searchable (both documents).
   */
  Duration run() throws Exception {
    Path corpus = TestCorpus.require();
    String namespace = "it-" + UUID.randomUUID().toString().substring(0, 8);
    S3Target s3 =
        new S3Target(
            infrastructure.s3().endpoint(),
            infrastructure.s3().accessKey(),
            infrastructure.s3().secretKey(),
            infrastructure.s3().region(),
            namespace + "-inbox",
            namespace + "-blobs");
    s3.createBuckets();
    PipelineSettings settings =
        TestPipelines.settings(
            infrastructure.kafkaBootstrapServers(),
            infrastructure.elasticsearchUrl(),
            work.resolve("unused-inbox"),
            work,
            namespace,
            work.resolve("logs"));
    Map<String, String> env = new HashMap<>(s3.serviceEnvironment());
    env.put("INGEST_S3_PREFIX", "kamerstukken/");
    env.put("INGEST_S3_POLL_INTERVAL", "1s");
    SearchProbe search = new SearchProbe(infrastructure.elasticsearchUrl());
    String documents = namespace + "-kamerstukken-documents";
    String qa = namespace + "-kamerstukken-qa";
    String committee = LocalFile.describe(corpus.resolve(COMMITTEE + ".pdf")).sha256();
    String aanhangsel = LocalFile.describe(corpus.resolve(AANHANGSEL + ".pdf")).sha256();
    int committeeQa = ExpectedQa.count(corpus.resolve("truth").resolve(COMMITTEE + ".json"));
    int aanhangselQa = ExpectedQa.count(corpus.resolve("truth").resolve(AANHANGSEL + ".json"));

    try (Pipeline pipeline = Pipeline.start(settings, env);
        S3Client client = s3.client()) {
      // When two Kamerstukken are put into the watched folder of the bucket
      long put = System.nanoTime();
      for (String name : List.of(COMMITTEE, AANHANGSEL)) {
        client.putObject(
            b -> b.bucket(s3.inboxBucket()).key("kamerstukken/" + name + ".pdf"),
            RequestBody.fromFile(corpus.resolve(name + ".pdf")));
      }

      // Then each is one document, with one Q&A hit per question, parsed from the blob bucket
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                assertThat(search.count(documents, ids(committee, aanhangsel))).isEqualTo(2);
                assertThat(search.count(qa, ids(committee, aanhangsel)))
                    .isEqualTo(committeeQa + aanhangselQa);
              });
      Duration searchable = Duration.ofNanos(System.nanoTime() - put);
      LOG.info("put in the bucket -> searchable: [{} ms] for two documents", searchable.toMillis());
      List<DocumentReceived> received =
          TopicReader.readAll(
                  infrastructure.kafkaBootstrapServers(),
                  Topics.RECEIVED.withPrefix(settings.topicPrefix()))
              .stream()
              .map(ConsumerRecord::value)
              .toList();
      assertThat(received)
          .hasSize(2)
          .allSatisfy(
              event -> {
                assertThat(event.sourcePath())
                    .startsWith("s3://" + s3.inboxBucket() + "/kamerstukken/");
                assertThat(event.blobUri()).startsWith("s3://" + s3.blobBucket() + "/");
              });
      // And index-service serves the original from the blob bucket, verified, as a download
      HttpResponse<byte[]> original = original(pipeline, committee);
      assertThat(original.statusCode()).isEqualTo(200);
      assertThat(original.body()).isEqualTo(Files.readAllBytes(corpus.resolve(COMMITTEE + ".pdf")));
      assertThat(original.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment;");

      // When one of them is deleted from the bucket
      client.deleteObject(
          b -> b.bucket(s3.inboxBucket()).key("kamerstukken/" + AANHANGSEL + ".pdf"));

      // Then it leaves the search with its questions; the other stays
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                assertThat(search.count(documents, ids(aanhangsel))).isZero();
                assertThat(search.count(qa, ids(aanhangsel))).isZero();
              });
      assertThat(search.count(documents, ids(committee))).isEqualTo(1);
      assertThat(search.count(qa, ids(committee))).isEqualTo(committeeQa);
      assertThat(pipeline.services()).allSatisfy(service -> assertThat(service.healthy()).isTrue());
      return searchable;
    }
  }

  private static HttpResponse<byte[]> original(Pipeline pipeline, String documentId)
      throws IOException, InterruptedException {
    int port = pipeline.service(PipelineSettings.INDEX).httpPort();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + port + "/api/documents/" + documentId + "/original"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String ids(String... documentIds) {
    return "{\"terms\":{\"documentId\":[\"" + String.join("\",\"", documentIds) + "\"]}}";
  }
}
