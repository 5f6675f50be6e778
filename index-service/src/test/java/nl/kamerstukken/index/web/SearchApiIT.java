package nl.kamerstukken.index.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.kamerstukken.index.app.IndexService;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.index.document.KamerstukSerializer;
import nl.kamerstukken.index.elasticsearch.ElasticsearchClients;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people use instead of Kibana, on a real broker and search node: the search API, the original
 * files, and the search page driven in headless Chromium (typing, clicking, reading the results).
 */
@ExtendWith(LocalStackExtension.class)
class SearchApiIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PREFIX = "web-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private static final Instant RECEIVED = Instant.parse("2024-03-01T10:15:30Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path blobs;
  private static IndexService service;
  private static Supervisor supervisor;
  private static ElasticsearchClient elasticsearch;
  private static String youthCare;
  private static String nitrogen;
  private static byte[] youthCareBytes;

  @BeforeAll
  static void indexTwoKamerstukken(LocalStack stack) throws Exception {
    IndexConfig config =
        IndexConfig.load(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.kafkaBootstrapServers(),
                "KAFKA_TOPIC_PREFIX",
                PREFIX,
                "INDEX_ELASTICSEARCH_URL",
                stack.elasticsearchUrl(),
                "INDEX_ALIAS_PREFIX",
                PREFIX,
                "INDEX_HTTP_PORT",
                "0"));
    service = IndexService.create(config);
    supervisor = new Supervisor("search-api-it");
    service.start(supervisor);
    elasticsearch = ElasticsearchClients.create(config.elasticsearch());
    youthCareBytes = "%PDF-1.4 wachttijden jeugdzorg".getBytes(StandardCharsets.US_ASCII);
    youthCare = publishYouthCare(stack, config);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(get("/api/search").path("total").asLong()).isEqualTo(5));
  }

  private static String publishYouthCare(LocalStack stack, IndexConfig config) throws Exception {
    String youthId = id();
    Path blob = Files.write(blobs.resolve(youthId), youthCareBytes);
    DocumentParsed youth =
        parsed(
            youthId,
            blob.toUri().toString(),
            metadata(
                "ah-tk-20232024-" + youthId.substring(0, 5),
                "2023-2024",
                "Van der Plas",
                "BBB",
                "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
                LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 2, 20)),
            List.of(
                seg("Hoe lang zijn de wachttijden in de jeugdzorg?", "1"),
                seg("Wat doet u aan de wachtlijsten?", "2"),
                seg("Kent u het rapport over huisartsen?", "3")),
            List.of(
                seg("De wachttijden in de jeugdzorg zijn gemiddeld twaalf weken.", "1"),
                seg("Wij investeren.", "2"),
                seg("Ja.", "3")));
    nitrogen = id();
    DocumentParsed stikstof =
        parsed(
            nitrogen,
            null,
            metadata(
                "ah-tk-20242025-" + nitrogen.substring(0, 5),
                "2024-2025",
                "Jansen",
                "VVD",
                "minister van Klimaat en Groene Groei",
                LocalDate.of(2024, 10, 1),
                LocalDate.of(2024, 11, 5)),
            List.of(
                seg("Hoeveel stikstof stoten boerderijen uit?", "1"),
                seg("Wat betekent dit voor de jeugdzorg?", "2")),
            List.of(seg("Dat verschilt per boerderij.", "1"), seg("Niets.", "2")));
    try (KafkaProducer<String, DocumentParsed> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
            new StringSerializer(),
            new KamerstukSerializer())) {
      String topic = config.kafka().topic(Topics.KAMERSTUKKEN).name();
      producer
          .send(new ProducerRecord<>(topic, KamerstukSerializer.key(youthId, youth), youth))
          .get();
      producer
          .send(new ProducerRecord<>(topic, KamerstukSerializer.key(nitrogen, stikstof), stikstof))
          .get();
    }
    return youthId;
  }

  @AfterAll
  static void stop() throws IOException {
    supervisor.stopping();
    service.close();
    for (SearchIndex index : SearchIndex.values()) {
      elasticsearch.indices().delete(d -> d.index(service.layout().indices().get(index)));
      elasticsearch
          .indices()
          .deleteIndexTemplate(d -> d.name(service.names().alias(index) + "-template"));
    }
    elasticsearch.close();
  }

  @Test
  void theApiFindsQuestionsWithHighlightsFacetsAndALinkToTheOriginal() throws Exception {
    JsonNode result = get("/api/search?q=" + encode("wachttijden jeugdzorg"));

    assertThat(result.get("total").asLong()).isEqualTo(1);
    JsonNode hit = result.at("/hits/0");
    assertThat(hit.get("id").asText()).endsWith("-qa-1");
    assertThat(hit.get("questionNumbers").toString()).isEqualTo("[\"1\"]");
    assertThat(hit.get("date").asText()).isEqualTo("2024-02-20");
    assertThat(hit.get("ministry").toString()).isEqualTo("[\"Volksgezondheid, Welzijn en Sport\"]");
    assertThat(hit.at("/highlights/questionText/0").asText())
        .contains("<mark>wachttijden</mark>", "<mark>jeugdzorg</mark>");
    assertThat(hit.at("/highlights/answerText/0").asText()).contains("<mark>jeugdzorg</mark>");
    assertThat(hit.get("originalUrl").asText())
        .isEqualTo("/api/documents/" + youthCare + "/original");
    assertThat(result.get("analysis").asText()).isEqualTo(service.activeAnalysis().name());

    JsonNode all = get("/api/search?q=jeugdzorg");
    assertThat(all.get("total").asLong()).isEqualTo(2);
    assertThat(all.at("/facets/party").toString())
        .contains("{\"value\":\"BBB\",\"count\":1}", "{\"value\":\"VVD\",\"count\":1}");
  }

  @Test
  void filtersNarrowByPartyMinistryYearTypeAndDate() throws Exception {
    assertThat(total("q=jeugdzorg&party=VVD")).isEqualTo(1);
    assertThat(total("q=jeugdzorg&ministry=" + encode("Klimaat en Groene Groei"))).isEqualTo(1);
    assertThat(total("ministry=" + encode("minister van Klimaat en Groene Groei"))).isEqualTo(2);
    assertThat(total("ministry=klimaat")).isEqualTo(2);
    assertThat(total("ministry=" + encode("Volksgezondheid, Welzijn en Sport"))).isEqualTo(3);
    assertThat(total("year=2023-2024")).isEqualTo(3);
    assertThat(total("type=aanhangsel-antwoord")).isEqualTo(5);
    assertThat(total("from=2024-11-01&to=2024-11-30")).isEqualTo(2);
    assertThat(total("to=2024-06-30")).isEqualTo(3);
    assertThat(total("q=" + encode("\"gemiddeld twaalf weken\""))).isEqualTo(1);
    assertThat(total("q=" + encode("jeugdzorg -betekent"))).isEqualTo(1);
  }

  @Test
  void aBadParameterIsA400ThatSaysWhichOne() throws Exception {
    HttpResponse<String> response = raw("/api/search?from=gisteren");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(response.body()).get("error").asText()).contains("from");
  }

  @Test
  void theOriginalFileIsServedFromTheBlobStoreAndOnlyForIndexedDocuments() throws Exception {
    HttpResponse<byte[]> original =
        HTTP.send(
            request("/api/documents/" + youthCare + "/original"),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.body()).isEqualTo(youthCareBytes);
    assertThat(original.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(original.headers().firstValue("Content-Disposition").orElseThrow())
        .contains(youthCare + ".pdf");

    assertThat(raw("/api/documents/" + nitrogen + "/original").statusCode())
        .as("indexed without a blob")
        .isEqualTo(404);
    assertThat(raw("/api/documents/" + id() + "/original").statusCode())
        .as("not indexed")
        .isEqualTo(404);
    assertThat(raw("/api/documents/..%2F..%2Fetc%2Fpasswd/original").statusCode()).isEqualTo(404);
  }

  @Test
  void thePageSearchesFiltersAndLinksToTheOriginalInHeadlessChromium() throws Exception {
    Optional<Path> chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(
        chromium.isPresent(),
        "chromium is not installed (apt-get install chromium; .ci/run installs it): the page test is skipped");
    try (HeadlessChromium browser = HeadlessChromium.start(chromium.get())) {
      // Given the search page, which lists the newest questions at first
      browser.navigate(baseUrl() + "/");
      awaitSearches(browser, 1);
      assertThat(browser.evaluate("document.querySelectorAll('li.hit').length").asInt())
          .isEqualTo(5);

      // When a person types words and clicks the search button
      browser.evaluate("document.getElementById('q').focus()");
      browser.type("wachttijden jeugdzorg");
      browser.click("#search");

      // Then the question shows with the words marked, its answer, and a link to the original file
      awaitSearches(browser, 2);
      JsonNode hits = hits(browser);
      assertThat(hits).hasSize(1);
      assertThat(hits.at("/0/question").asText()).contains("<mark>wachttijden</mark>");
      assertThat(hits.at("/0/answer").asText()).contains("gemiddeld twaalf weken");
      assertThat(hits.at("/0/original").asText())
          .isEqualTo(baseUrl() + "/api/documents/" + youthCare + "/original");
      assertThat(browser.evaluate("document.getElementById('summary').textContent").asText())
          .isEqualTo("1 vraag gevonden");

      // When the words are cleared and a party is chosen from the filter (its values come from the
      // index)
      browser.evaluate("document.getElementById('q').value = ''");
      browser.click("#search");
      awaitSearches(browser, 3);
      assertThat(
              browser
                  .evaluate("[...document.getElementById('party').options].map(o => o.textContent)")
                  .toString())
          .contains("BBB (3)", "VVD (2)");
      browser.evaluate(
          "(() => { const s = document.getElementById('party'); s.value = 'VVD';"
              + " s.dispatchEvent(new Event('change')); })()");

      // Then only that party's questions are listed, and the page's address keeps the filter
      awaitSearches(browser, 4);
      assertThat(hits(browser))
          .hasSize(2)
          .allSatisfy(h -> assertThat(h.get("meta").asText()).contains("VVD"));
      assertThat(browser.evaluate("location.search").asText()).isEqualTo("?party=VVD");
    }
  }

  private static void awaitSearches(HeadlessChromium browser, int count) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        browser
                            .evaluate(
                                // The body is null while a navigation (a filter change reloads with
                                // ?party=...) is in progress.
                                "document.body?.dataset.state === 'done' ? Number(document.body.dataset.searches) : 0")
                            .asInt())
                    .isGreaterThanOrEqualTo(count));
  }

  private static JsonNode hits(HeadlessChromium browser) throws Exception {
    return browser.evaluate(
        "[...document.querySelectorAll('li.hit')].map(li => ({"
            + "meta: li.querySelector('.meta').textContent, question: li.querySelector('.question').innerHTML,"
            + "answer: li.querySelector('.answer').textContent, original: li.querySelector('a.original').href}))");
  }

  private static long total(String query) throws Exception {
    return get("/api/search?" + query).get("total").asLong();
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = raw(path);
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> raw(String path) throws Exception {
    return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).build();
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + service.admin().port();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String id() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  private static Segment seg(String text, String number) {
    return new Segment(List.of(number), text);
  }

  private static DocumentMetadata metadata(
      String identifier,
      String year,
      String member,
      String party,
      String office,
      LocalDate submitted,
      LocalDate received) {
    return new DocumentMetadata(
        identifier,
        "aanhangsel-antwoord",
        year,
        null,
        identifier.substring(14),
        "vragen van het lid " + member,
        null,
        List.of(member),
        List.of(party),
        List.of(office),
        List.of(office),
        submitted,
        received,
        List.of(),
        List.of(),
        null,
        null,
        List.of());
  }

  private static DocumentParsed parsed(
      String id,
      String blobUri,
      DocumentMetadata metadata,
      List<Segment> questions,
      List<Segment> answers) {
    SourceFile source =
        new SourceFile(id + ".pdf", id, "application/pdf", 30, "inbox/" + id + ".pdf", blobUri);
    return new DocumentParsed(
        id,
        source,
        metadata,
        1,
        "tekst",
        questions,
        answers,
        List.of(),
        List.of(),
        RECEIVED,
        RECEIVED.plusSeconds(5));
  }
}
