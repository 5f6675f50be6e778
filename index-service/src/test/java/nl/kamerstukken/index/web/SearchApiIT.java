package nl.kamerstukken.index.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
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
import java.util.Arrays;
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
  private static String kafka;
  private static String kamerstukkenTopic;
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
                "0",
                "INDEX_BLOB_DIR",
                blobs.toString()));
    kafka = stack.kafkaBootstrapServers();
    kamerstukkenTopic = config.kafka().topic(Topics.KAMERSTUKKEN).name();
    service = IndexService.create(config);
    supervisor = new Supervisor("search-api-it");
    service.start(supervisor);
    elasticsearch = ElasticsearchClients.create(config.elasticsearch());
    youthCareBytes =
        ("%PDF-1.4 wachttijden jeugdzorg " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
    youthCare = publishYouthCare(stack, config);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(get("/api/search").path("total").asLong()).isEqualTo(5));
    // The Kamerstuk index refreshes on its own clock, apart from the Q&A index counted above
    awaitKamerstukDocuments(youthCare, nitrogen);
  }

  /** Waits until the Kamerstuk index shows a search document for each of {@code documentIds}. */
  private static void awaitKamerstukDocuments(String... documentIds) {
    String alias = service.names().alias(SearchIndex.DOCUMENTS);
    List<FieldValue> ids = Arrays.stream(documentIds).map(FieldValue::of).toList();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        elasticsearch
                            .count(
                                c ->
                                    c.index(alias)
                                        .query(
                                            q ->
                                                q.terms(
                                                    t ->
                                                        t.field("documentId")
                                                            .terms(v -> v.value(ids)))))
                            .count())
                    .isEqualTo(documentIds.length));
  }

  private static String publishYouthCare(LocalStack stack, IndexConfig config) throws Exception {
    String youthId = sha256(youthCareBytes);
    Path blob = storeBlob(youthId, youthCareBytes);
    DocumentParsed youth =
        parsed(
            youthId,
            blob.toUri().toString(),
            youthCareBytes.length,
            metadata(
                "ah-tk-20232024-" + youthId.substring(0, 5),
                "2023-2024",
                "Van der Plas",
                "BBB",
                "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
                LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 2, 20)),
            List.of(
                new Segment(
                    List.of("1"), "Hoe lang zijn de wachttijden in de jeugdzorg?", List.of(1)),
                seg("Wat doet u aan de wachtlijsten?", "2"),
                seg("Kent u het rapport over huisartsen?", "3")),
            List.of(
                new Segment(
                    List.of("1"),
                    "De wachttijden in de jeugdzorg zijn gemiddeld twaalf weken (Kamerstuk 31 839, nr. 1024).",
                    List.of(1, 2)),
                seg("Wij investeren.", "2"),
                seg("Ja.", "3")));
    nitrogen = id();
    DocumentParsed stikstof =
        parsed(
            nitrogen,
            null,
            30,
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
                seg(
                    "Wat betekent dit voor de jeugdzorg, na de antwoorden in ah-tk-20232024-"
                        + youthId.substring(0, 5)
                        + "?",
                    "2")),
            List.of(seg("Dat verschilt per boerderij.", "1"), seg("Niets.", "2")));
    publish(youth, stikstof);
    return youthId;
  }

  private static void publish(DocumentParsed... events) throws Exception {
    try (KafkaProducer<String, DocumentParsed> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
            new StringSerializer(),
            new KamerstukSerializer())) {
      for (DocumentParsed event : events) {
        producer
            .send(
                new ProducerRecord<>(
                    kamerstukkenTopic, KamerstukSerializer.key(event.documentId(), event), event))
            .get();
      }
    }
  }

  /** Where ingest's folder store puts content: {@code <blobs>/aa/bb/<sha256>}. */
  private static Path storeBlob(String sha, byte[] content) throws IOException {
    Path dir =
        Files.createDirectories(blobs.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)));
    return Files.write(dir.resolve(sha), content);
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

    // Ranked, not all-or-nothing: the question with both words first, the one with one word after
    assertThat(result.get("total").asLong()).isEqualTo(2);
    assertThat(result.at("/hits/1/identifier").asText()).startsWith("ah-tk-20242025-");
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
    assertThat(hit.get("questionPages").toString()).isEqualTo("[1]");
    assertThat(hit.get("answerPages").toString()).isEqualTo("[1,2]");
    assertThat(hit.at("/references/0/identifier").asText()).isEqualTo("kst-31839-1024");
    assertThat(hit.at("/references/0/kind").asText()).isEqualTo("kamerstuk");

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
  void aQaShowsItsReferencesWhatCitesItAndWhatWasAskedBefore() throws Exception {
    String youthQa =
        get("/api/search?q=" + encode("\"gemiddeld twaalf weken\"")).at("/hits/0/id").asText();
    String nitrogenQa = get("/api/search?q=betekent").at("/hits/0/id").asText();

    // The youth-care Q&A: its reference is not indexed (a link to the publication), and the
    // nitrogen Kamerstuk cites it by identifier
    JsonNode youth = get("/api/qa/" + youthQa);
    assertThat(youth.at("/qa/id").asText()).isEqualTo(youthQa);
    assertThat(youth.at("/references/0/reference/identifier").asText()).isEqualTo("kst-31839-1024");
    assertThat(youth.at("/references/0/originalUrl").isNull()).isTrue();
    assertThat(youth.at("/references/0/publicationUrl").asText()).endsWith("/kst-31839-1024.html");
    assertThat(youth.get("citedBy")).hasSize(1);
    assertThat(youth.at("/citedBy/0/id").asText()).isEqualTo(nitrogenQa);

    // The nitrogen Q&A: its reference resolves to the indexed youth-care Kamerstuk and its original
    JsonNode nitrogenDetail = get("/api/qa/" + nitrogenQa);
    assertThat(nitrogenDetail.at("/references/0/identifier").asText())
        .startsWith("ah-tk-20232024-");
    assertThat(nitrogenDetail.at("/references/0/originalUrl").asText())
        .isEqualTo("/api/documents/" + youthCare + "/original");

    // Asked before: the youth-care question (earlier, another Kamerstuk) for the later one; nothing
    // earlier for the youth-care question
    JsonNode similar = get("/api/qa/" + nitrogenQa + "/similar");
    assertThat(similar.at("/similar/0/id").asText()).isEqualTo(youthQa);
    assertThat(get("/api/qa/" + youthQa + "/similar").get("similar")).isEmpty();

    assertThat(raw("/api/qa/nope-qa-1").statusCode()).isEqualTo(404);
    assertThat(raw("/api/qa/" + youthQa + "/similar?size=0").statusCode()).isEqualTo(400);
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
        .startsWith("attachment;")
        .contains(youthCare + ".pdf");
    assertThat(original.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    assertThat(raw("/api/documents/" + nitrogen + "/original").statusCode())
        .as("indexed without a blob")
        .isEqualTo(404);
    assertThat(raw("/api/documents/" + id() + "/original").statusCode())
        .as("not indexed")
        .isEqualTo(404);
    assertThat(raw("/api/documents/..%2F..%2Fetc%2Fpasswd/original").statusCode()).isEqualTo(404);
  }

  @Test
  void anIndexedDocumentWhoseClaimCheckLeavesTheStoreOrWhoseBytesDifferHasNoOriginal()
      throws Exception {
    // Given indexed documents whose claim checks point at a file outside the blob store (with its
    // true hash and size), through a link in the store to outside, and at a blob in the store
    // with other bytes than recorded
    byte[] passwd = "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8);
    Path outside = Files.write(Files.createTempFile("passwd", ""), passwd);
    Path link = Files.createSymbolicLink(blobs.resolve("link-" + UUID.randomUUID()), outside);
    String passwdId = sha256(passwd);
    byte[] recorded = ("%PDF-1.4 echt " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
    String tamperedId = sha256(recorded);
    storeBlob(
        tamperedId, ("%PDF-1.4 nep! " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
    byte[] linked = ("%PDF-1.4 link " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
    Files.write(outside, linked);
    String linkedId = sha256(linked);
    publish(
        parsed(
            passwdId,
            outside.toUri().toString(),
            passwd.length,
            metadata(passwdId),
            List.of(),
            List.of()),
        parsed(
            linkedId,
            link.toUri().toString(),
            linked.length,
            metadata(linkedId),
            List.of(),
            List.of()),
        parsed(
            tamperedId,
            blobs
                .resolve(tamperedId.substring(0, 2))
                .resolve(tamperedId.substring(2, 4))
                .resolve(tamperedId)
                .toUri()
                .toString(),
            recorded.length,
            metadata(tamperedId),
            List.of(),
            List.of()));
    awaitKamerstukDocuments(passwdId, linkedId, tamperedId);

    // Then none of them is served: each answers 404, like a document that is not indexed
    for (String id : List.of(passwdId, linkedId, tamperedId)) {
      HttpResponse<String> response = raw("/api/documents/" + id + "/original");
      assertThat(response.statusCode()).as(id).isEqualTo(404);
      assertThat(response.body()).doesNotContain("root:x", "link", "nep");
    }
  }

  private static DocumentMetadata metadata(String id) {
    return metadata(
        "ah-tk-20242025-" + id.substring(0, 5),
        "2024-2025",
        "Aanvaller",
        "GEEN",
        "minister van Binnenlandse Zaken",
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 1, 2));
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
      assertThat(hits).hasSize(2);
      assertThat(hits.at("/0/question").asText()).contains("<mark>wachttijden</mark>");
      assertThat(hits.at("/0/answer").asText()).contains("gemiddeld twaalf weken");
      assertThat(hits.at("/0/original").asText())
          .isEqualTo(baseUrl() + "/api/documents/" + youthCare + "/original");
      assertThat(browser.evaluate("document.getElementById('summary').textContent").asText())
          .isEqualTo("2 vragen gevonden");
      // And the pages it is printed on link into the original
      assertThat(
              browser
                  .evaluate(
                      "[...document.querySelectorAll('li.hit')[0].querySelectorAll('a.pages')].map(a => a.textContent + ' ' + a.href)")
                  .toString())
          .contains("p. 1 " + baseUrl() + "/api/documents/" + youthCare + "/original#page=1")
          .contains("p. 1–2 ");

      // When the person opens "asked before" of the second hit (the later nitrogen question)
      browser.evaluate(
          "document.querySelectorAll('li.hit')[1].querySelector('details.more summary').click()");

      // Then the earlier youth-care question is shown as asked before
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          browser
                              .evaluate(
                                  "document.querySelectorAll('li.hit')[1].querySelector('details.more').dataset.loaded || ''")
                              .asText())
                      .isEqualTo("done"));
      assertThat(
              browser
                  .evaluate(
                      "document.querySelectorAll('li.hit')[1].querySelector('details.more').textContent")
                  .asText())
          .contains("Eerder gevraagd", "Hoe lang zijn de wachttijden in de jeugdzorg?");

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
      long size,
      DocumentMetadata metadata,
      List<Segment> questions,
      List<Segment> answers) {
    SourceFile source =
        new SourceFile(id + ".pdf", id, "application/pdf", size, "inbox/" + id + ".pdf", blobUri);
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
