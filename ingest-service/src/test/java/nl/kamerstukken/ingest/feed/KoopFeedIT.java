package nl.kamerstukken.ingest.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.ingest.app.IngestService;
import nl.kamerstukken.ingest.config.IngestConfig;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest-service following the KOOP SRU feed (WireMock serving recorded responses) on a real Kafka
 * broker: what it asks, what it fetches, what it announces and refuses, how it waits and resumes.
 */
@ExtendWith(LocalStackExtension.class)
class KoopFeedIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern ECHOED_QUERY = Pattern.compile("<sru:query>(.*?)</sru:query>");
  private static final String DAY_CLAUSE = " and dt.modified==\"2021-10-13\"";
  private static final String ANSWER = "ah-tk-20202021-3235";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
  private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
  private RecordedRepository repository;
  private Map<String, String> env;
  private IngestService service;
  private Supervisor supervisor;
  private KafkaConsumer<String, byte[]> consumer;

  @AfterEach
  void stop() {
    if (consumer != null) {
      consumer.close();
    }
    if (service != null) {
      service.close();
    }
    if (repository != null) {
      repository.close();
    }
  }

  @Test
  void followsTheRecordedDayPageByPageWaitsWhenAskedAndResumesFromItsCheckpoint(LocalStack stack)
      throws Exception {
    repository = new RecordedRepository();
    String page1 =
        repository.recordedPage(
            repository.feeds.resolve("koop-sru/" + RecordedRepository.RECORDED_PAGE));
    String echoed = unescape(match(ECHOED_QUERY, page1));
    // Given the recorded first page of 2021-10-13, answered after a 500 and a 429 (Retry-After: 2)
    repository.server.stubFor(
        get(urlPathEqualTo("/sru"))
            .withQueryParam("startRecord", equalTo("1"))
            .inScenario("page 1")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("failed once"));
    repository.server.stubFor(
        get(urlPathEqualTo("/sru"))
            .withQueryParam("startRecord", equalTo("1"))
            .inScenario("page 1")
            .whenScenarioStateIs("failed once")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("asked to wait"));
    repository.server.stubFor(
        get(urlPathEqualTo("/sru"))
            .withQueryParam("startRecord", equalTo("1"))
            .inScenario("page 1")
            .whenScenarioStateIs("asked to wait")
            .willReturn(RecordedRepository.xml(page1)));
    // and its documents: not recorded, so generated stand-ins (a PDF header, a metadata record
    // naming the identifier, a minimal XML), each distinct
    Map<String, Map<String, String>> records = RecordedRepository.records(page1);
    List<String> page1Paths = new ArrayList<>();
    records.forEach(
        (id, items) ->
            items.forEach(
                (manifestation, url) -> {
                  byte[] body = standIn(id, manifestation);
                  if (body != null) {
                    repository.serveDocument(url, body);
                    page1Paths.add(sourcePath(id, manifestation));
                  }
                }));
    // and a second page that is not available yet (503)
    repository.serveSru(11, aResponse().withStatus(503));
    configure(stack, "2021-10-13", echoed.substring(0, echoed.length() - DAY_CLAUSE.length()));

    // When the service follows the feed
    startService();
    startConsumer();

    // Then every usable manifestation of the first page is announced under one folder per record
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(announcedPaths()).containsExactlyInAnyOrderElementsOf(page1Paths);
            });
    assertThat(page1Paths).hasSize(25).contains("koop:kst-22112-3185/kst-22112-3185.metadata.xml");
    // and the request it sent is the request the recorded page echoes
    List<ServeEvent> sru = repository.sruRequests();
    for (ServeEvent event : sru.subList(0, 3)) {
      assertThat(event.getRequest().queryParameter("query").firstValue()).isEqualTo(echoed);
      assertThat(event.getRequest().queryParameter("startRecord").firstValue()).isEqualTo("1");
      assertThat(event.getRequest().queryParameter("maximumRecords").firstValue()).isEqualTo("10");
      assertThat(event.getRequest().getHeader("User-Agent")).contains("kamerstukken");
    }
    // and the 500 was retried, and after the 429 it waited the 2 s the repository asked for
    assertThat(sru.get(0).getResponse().getStatus()).isEqualTo(500);
    assertThat(sru.get(1).getResponse().getStatus()).isEqualTo(429);
    assertThat(sru.get(2).getResponse().getStatus()).isEqualTo(200);
    long waited =
        sru.get(2).getRequest().getLoggedDate().getTime()
            - sru.get(1).getRequest().getLoggedDate().getTime();
    assertThat(waited).isGreaterThanOrEqualTo(2000);
    // and the failing second page shows in /health with the position
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(health()).contains("\"status\":\"DOWN\"", "HTTP 503", "day 2021-10-13"));

    // When the service restarts and the second page is there: generated in the recorded shape
    // (the recorded page's envelope, echoing startRecord 11, without nextRecordPosition) with one
    // Aanhangsel record, the answer's record of ../shared/corpus/oep-sru.xml
    String answerRecord =
        RecordedRepository.recordElements(
                repository.recordedPage(repository.corpus.resolve("oep-sru.xml")))
            .stream()
            .filter(r -> r.contains("<dcterms:identifier>" + ANSWER + "<"))
            .findFirst()
            .orElseThrow();
    String page2 =
        page1.substring(0, page1.indexOf("<sru:record>"))
            + answerRecord
            + page1
                .substring(page1.lastIndexOf("</sru:record>") + "</sru:record>".length())
                .replace("<sru:nextRecordPosition>11</sru:nextRecordPosition>", "")
                .replace(
                    "<sru:startRecord>1</sru:startRecord>",
                    "<sru:startRecord>11</sru:startRecord>");
    repository.serveSru(11, RecordedRepository.xml(page2));
    RecordedRepository.records(answerRecord)
        .get(ANSWER)
        .forEach(
            (manifestation, url) -> {
              Path file = repository.corpusFile(ANSWER, manifestation);
              if (Files.exists(file)) {
                repository.serveDocument(url, read(file));
              }
            });
    restartService();

    // Then it goes on at the second page: the answer's PDF, XML and metadata record are announced,
    // byte for byte the corpus files
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(announcedPaths())
                  .hasSize(28)
                  .contains(
                      sourcePath(ANSWER, "pdf"),
                      sourcePath(ANSWER, "xml"),
                      sourcePath(ANSWER, "metadata"));
            });
    DocumentReceived pdf =
        events().stream()
            .filter(e -> e.sourcePath().equals(sourcePath(ANSWER, "pdf")))
            .findFirst()
            .orElseThrow();
    assertThat(pdf.sha256()).isEqualTo(sha256(read(repository.corpusFile(ANSWER, "pdf"))));
    // and nothing was fetched twice: every document once, the first page never asked again
    repository
        .requestsPerPath()
        .forEach(
            (path, count) -> {
              if (path.startsWith("/frbr/")) {
                assertThat(count).as(path).isEqualTo(1);
              }
            });
    assertThat(
            repository.sruRequests().stream()
                .filter(e -> "1".equals(e.getRequest().queryParameter("startRecord").firstValue())))
        .hasSize(3);
    // and, the day done and INGEST_KOOP_UNTIL reached, it says so
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(health())
                    .contains("\"status\":\"UP\"", "caught up with INGEST_KOOP_UNTIL 2021-10-13"));
    assertThat(deadLetters).isEmpty();
    assertThat(supervisor.failure()).isEmpty();
  }

  @Test
  void fetchesOnlyUnderItsBaseAndOnlyBytesThatAreWhatTheRecordSays(LocalStack stack)
      throws Exception {
    repository = new RecordedRepository();
    // Given the recorded page of ../shared/corpus/oep-sru.xml: two documents of the corpus, two
    // bijlagen (one with a broken URL "httbroken://..."), and kst-32545-144 whose URLs are those
    // of kst-32545-143
    String page = repository.recordedPage(repository.corpus.resolve("oep-sru.xml"));
    repository.serveSru(1, RecordedRepository.xml(page));
    Map<String, Map<String, String>> records = RecordedRepository.records(page);
    for (String id : List.of("kst-32545-143", ANSWER)) {
      records
          .get(id)
          .forEach(
              (manifestation, url) -> {
                Path file = repository.corpusFile(id, manifestation);
                if (Files.exists(file) && !manifestation.equals("metadataowms")) {
                  repository.serveDocument(url, read(file));
                }
              });
    }
    // and, generated: an HTML page where blg-1007826's PDF should be (its metadata is missing:
    // 404), and a metadata record of another document at blg-1025203's
    repository.serveDocument(
        records.get("blg-1007826").get("pdf"),
        "<html><body>Niet gevonden</body></html>".getBytes(StandardCharsets.UTF_8));
    repository.serveDocument(
        records.get("blg-1025203").get("metadata"), standIn("blg-1", "metadata"));
    configure(stack, "2021-07-22", "c.product-area==\"officielepublicaties\"");

    // When the service follows the feed
    startService();
    startConsumer();

    // Then the two documents are announced; everything else is a dead letter with its reason
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(announcedPaths())
                  .containsExactlyInAnyOrder(
                      sourcePath("kst-32545-143", "pdf"), sourcePath("kst-32545-143", "xml"),
                      sourcePath("kst-32545-143", "metadata"), sourcePath(ANSWER, "pdf"),
                      sourcePath(ANSWER, "xml"), sourcePath(ANSWER, "metadata"));
              assertThat(deadLetters).hasSize(7);
            });
    Map<String, ReasonCode> reasons = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : deadLetters) {
      DeadLetter letter = deadLetter(record);
      reasons.put(letter.originalEvent().get("sourcePath").asText(), letter.reasonCode());
    }
    assertThat(reasons)
        .containsOnly(
            Map.entry(sourcePath("blg-1007826", "pdf"), ReasonCode.FEED_ITEM_REFUSED),
            Map.entry(sourcePath("blg-1007826", "metadata"), ReasonCode.FEED_ITEM_MISSING),
            Map.entry(sourcePath("blg-1025203", "pdf"), ReasonCode.FEED_ITEM_REFUSED),
            Map.entry(sourcePath("blg-1025203", "metadata"), ReasonCode.FEED_ITEM_REFUSED),
            Map.entry(sourcePath("kst-32545-144", "pdf"), ReasonCode.FEED_ITEM_REFUSED),
            Map.entry(sourcePath("kst-32545-144", "xml"), ReasonCode.FEED_ITEM_REFUSED),
            Map.entry(sourcePath("kst-32545-144", "metadata"), ReasonCode.FEED_ITEM_REFUSED));
    // and what kst-32545-144 pointed at was fetched once, for kst-32545-143 only
    assertThat(repository.requestsPerPath())
        .containsEntry(URI.create(records.get("kst-32545-143").get("pdf")).getPath(), 1);
    assertThat(supervisor.failure()).isEmpty();
  }

  private void configure(LocalStack stack, String day, String query) {
    env = new HashMap<>();
    env.put("INGEST_SOURCE", "koop");
    env.put("INGEST_KOOP_SRU_URL", repository.base() + "/sru");
    env.put("INGEST_KOOP_DOCUMENT_URL", repository.base() + "/frbr/");
    env.put("INGEST_KOOP_QUERY", query);
    env.put("INGEST_KOOP_SINCE", day);
    env.put("INGEST_KOOP_UNTIL", day);
    env.put("INGEST_KOOP_PAGE_SIZE", "10");
    env.put("INGEST_KOOP_REQUESTS_PER_SECOND", "20");
    env.put("INGEST_KOOP_MAX_ATTEMPTS", "3");
    env.put("INGEST_KOOP_MAX_RETRY_WAIT", "3s");
    env.put("INGEST_BLOB_DIR", dir.resolve("data/blobs").toString());
    env.put("INGEST_STATE_DIR", dir.resolve("data/state").toString());
    env.put("INGEST_INBOX", dir.resolve("unused-inbox").toString());
    env.put("INGEST_HTTP_PORT", "0");
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    env.put("KAFKA_TOPIC_PREFIX", "it-" + UUID.randomUUID() + ".");
  }

  /** Generated bytes for a document the recordings do not have; null for what is not fetched. */
  private static byte[] standIn(String id, String manifestation) {
    String text =
        switch (manifestation) {
          case "pdf" -> "%PDF-1.4\n% generated stand-in for " + id + "\n%%EOF\n";
          case "xml" ->
              "<?xml version=\"1.0\"?><officiele-publicatie><!-- generated stand-in for "
                  + id
                  + " --></officiele-publicatie>";
          case "metadata" ->
              "<?xml version=\"1.0\"?><metadata_gegevens><metadata name=\"DC.identifier\""
                  + " scheme=\"OVERHEIDop.ParlID\" content=\""
                  + id
                  + "\"/></metadata_gegevens>";
          default -> null;
        };
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String sourcePath(String id, String manifestation) {
    String suffix = manifestation.equals("metadata") ? ".metadata.xml" : "." + manifestation;
    return "koop:" + id + "/" + id + suffix;
  }

  private void startService() {
    service = IngestService.create(IngestConfig.load(env));
    supervisor = new Supervisor("ingest-service");
    service.start(supervisor);
  }

  private void restartService() {
    assertThat(supervisor.failure()).as("the loop must not have died").isEmpty();
    service.close();
    startService();
  }

  private KafkaSettings kafka() {
    return KafkaSettings.from(EnvConfig.of("INGEST_", env), "ingest-it");
  }

  private void startConsumer() {
    consumer = new KafkaConsumer<>(kafka().consumer("it-reader-" + UUID.randomUUID(), 500));
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<String, ?> topic :
        List.of(kafka().topic(Topics.RECEIVED), kafka().topic(Topics.DEAD_LETTER))) {
      consumer
          .partitionsFor(topic.name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  private void read() {
    String receivedTopic = kafka().topic(Topics.RECEIVED).name();
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      (record.topic().equals(receivedTopic) ? received : deadLetters).add(record);
    }
  }

  private List<DocumentReceived> events() {
    return received.stream()
        .filter(r -> r.value() != null)
        .map(r -> Topics.RECEIVED.valueSerde().deserializer().deserialize(r.topic(), r.value()))
        .toList();
  }

  private List<String> announcedPaths() {
    return events().stream().map(DocumentReceived::sourcePath).toList();
  }

  private DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
    return Topics.DEAD_LETTER
        .valueSerde()
        .deserializer()
        .deserialize(record.topic(), record.value());
  }

  private String health() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/health"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as("the recorded page has " + pattern).isTrue();
    return m.group(1);
  }

  private static String unescape(String xml) {
    return xml.replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
