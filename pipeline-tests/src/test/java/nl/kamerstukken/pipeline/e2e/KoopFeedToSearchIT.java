package nl.kamerstukken.pipeline.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.pipeline.TestPipelines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KOOP SRU feed to search: ingest-service follows a local stand-in of the repository (WireMock
 * serving the recorded page {@code ../shared/corpus/oep-sru.xml}, its document URLs moved to the
 * stand-in, and the corpus files it names), the four services run as child JVMs as {@code
 * ./kamerstukken up --follow koop} runs them, and the documents of the page become searchable, each
 * one Kamerstuk of its XML, PDF and metadata record.
 */
@ExtendWith(LocalStackExtension.class)
class KoopFeedToSearchIT {

  private static final Duration PATIENCE = Duration.ofSeconds(150);
  private static final Pattern ITEM =
      Pattern.compile("<gzd:itemUrl manifestation=\"(xml|pdf|metadata)\">([^<]+)</gzd:itemUrl>");
  private static final String ANSWER = "ah-tk-20202021-3235";
  private static final String MOTION = "kst-32545-143";

  @TempDir Path work;

  @Test
  void theDocumentsOfARecordedFeedPageBecomeSearchableKamerstukken(LocalStack stack)
      throws Exception {
    Path corpus = TestCorpus.require();
    WireMockServer repository =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    repository.start();
    try {
      String base = "http://127.0.0.1:" + repository.port();
      // Given the recorded page, and the corpus files its records name (the other records' files
      // are not in the corpus: 404, dead letters)
      String page =
          Files.readString(corpus.resolve("oep-sru.xml"), StandardCharsets.UTF_8)
              .replace("http://__MOCK_SERVICE__/repository.overheid.nl/", base + "/");
      repository.stubFor(
          get(urlPathEqualTo("/sru"))
              .withQueryParam("startRecord", equalTo("1"))
              .willReturn(
                  aResponse().withHeader("Content-Type", "application/xml").withBody(page)));
      Matcher item = ITEM.matcher(page);
      while (item.find()) {
        String path = URI.create(item.group(2)).getPath();
        String id = path.split("/")[path.split("/").length - 4];
        Path file =
            corpus.resolve(
                id + (item.group(1).equals("metadata") ? ".metadata.xml" : "." + item.group(1)));
        if (List.of(ANSWER, MOTION).contains(id) && Files.exists(file)) {
          repository.stubFor(
              get(urlPathEqualTo(path)).willReturn(aResponse().withBody(Files.readAllBytes(file))));
        }
      }
      String namespace = TestPipelines.namespace("koop");
      PipelineSettings settings =
          TestPipelines.settings(
              stack.kafkaBootstrapServers(),
              stack.elasticsearchUrl(),
              work,
              namespace,
              work.resolve("logs"));
      Map<String, String> env =
          Map.of(
              "INGEST_SOURCE", "koop",
              "INGEST_KOOP_SRU_URL", base + "/sru",
              "INGEST_KOOP_DOCUMENT_URL", base + "/frbr/",
              "INGEST_KOOP_SINCE", "2021-07-22",
              "INGEST_KOOP_UNTIL", "2021-07-22",
              "INGEST_KOOP_REQUESTS_PER_SECOND", "20");
      SearchProbe search = new SearchProbe(stack.elasticsearchUrl());
      String documents = settings.aliasPrefix() + "kamerstukken-documents";
      String qa = settings.aliasPrefix() + "kamerstukken-qa";
      int answerQa = ExpectedQa.count(corpus.resolve("truth").resolve(ANSWER + ".json"));

      // When the pipeline follows the feed
      try (Pipeline pipeline = Pipeline.start(settings, env)) {
        // Then each document is one Kamerstuk of its three files, and the answer's questions are
        // searchable, the metadata record's Zaak number with them
        await()
            .atMost(PATIENCE)
            .untilAsserted(
                () -> {
                  assertThat(kamerstuk(search, documents, ANSWER).path("files")).hasSize(3);
                  assertThat(kamerstuk(search, documents, MOTION).path("files")).hasSize(3);
                  assertThat(search.count(qa, identifier(ANSWER))).isEqualTo(answerQa);
                });
        assertThat(answerQa).isPositive();
        assertThat(kamerstuk(search, documents, ANSWER).toString()).contains("2021Z09739");
        String found = apiSearch(pipeline, "Tozo");
        assertThat(found).contains(ANSWER);
        assertThat(pipeline.services()).allSatisfy(s -> assertThat(s.healthy()).isTrue());
      }
    } finally {
      repository.stop();
    }
  }

  private static JsonNode kamerstuk(SearchProbe search, String alias, String id) {
    return search
        .search(alias, "{\"query\":" + identifier(id) + "}")
        .path("hits")
        .path("hits")
        .path(0)
        .path("_source");
  }

  private static String identifier(String id) {
    return "{\"term\":{\"identifier\":\"" + id + "\"}}";
  }

  private static String apiSearch(Pipeline pipeline, String query) throws Exception {
    int port = pipeline.service(PipelineSettings.INDEX).httpPort();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/search?q=" + query))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
