package nl.kamerstukken.pipeline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.index.app.IndexService;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.BuildLayout;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.LocalStackConfig;
import nl.kamerstukken.localstack.elasticsearch.ElasticsearchNode;
import nl.kamerstukken.localstack.elasticsearch.ElasticsearchSecurity;
import nl.kamerstukken.localstack.host.PosixAccess;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed setup's Elasticsearch roles on a real node with security on (the Maven Central
 * distribution has x-pack-security): the roles of {@code deploy/elasticsearch/role-*.json} with the
 * users {@code index-service} and {@code kamerstukken-search}, and the real index-service running
 * with them. (Here roles and users are the node's files: this distribution lacks the {@code
 * analysis-common} module that the native realm's index needs, which {@code elasticsearch-setup}
 * uses on the official image; the role descriptors are the same JSON.) The indexer may only touch
 * its own indices and aliases; the search side may only read the three aliases.
 */
@ExtendWith(LocalStackExtension.class)
class ElasticsearchRolesIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ElasticsearchSecurity ADMIN =
      new ElasticsearchSecurity("kamerstukken-admin", "admin-" + UUID.randomUUID());
  private static final String INDEXER_PASSWORD = "index-" + UUID.randomUUID();
  private static final String READER_PASSWORD = "search-" + UUID.randomUUID();

  @TempDir static Path dir;
  private static ElasticsearchNode node;
  private static IndexService service;
  private static Supervisor supervisor;

  @BeforeAll
  static void aSecuredNodeWithTheDeployedRolesAndIndexServiceOnIt(LocalStack stack)
      throws Exception {
    // Elasticsearch runs as an unprivileged user when we are root: it must enter the folder.
    PosixAccess.openForOthers(dir);
    ElasticsearchSecurity security = ADMIN;
    try (var files = Files.list(PipelineSettings.locateHome().resolve("deploy/elasticsearch"))) {
      for (Path role : files.filter(p -> p.getFileName().toString().startsWith("role-")).toList()) {
        String name = role.getFileName().toString().replaceAll("^role-|\\.json$", "");
        security = security.withRole(name, Files.readString(role));
      }
    }
    security =
        security
            .withUser("index-service", INDEXER_PASSWORD, "kamerstukken_indexer")
            .withUser("kamerstukken-search", READER_PASSWORD, "kamerstukken_reader");
    node =
        ElasticsearchNode.create(
            BuildLayout.resolve(System.getenv()).elasticsearchHome(),
            dir.resolve("secured-es"),
            0,
            LocalStackConfig.DEFAULT_ES_JAVA_OPTS,
            Duration.ofMinutes(3),
            security);
    node.start();
    String prefix = "roles-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    IndexConfig config =
        IndexConfig.load(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.kafkaBootstrapServers(),
                "KAFKA_TOPIC_PREFIX",
                prefix,
                "INDEX_ELASTICSEARCH_URL",
                node.url(),
                "INDEX_ELASTICSEARCH_USERNAME",
                "index-service",
                "INDEX_ELASTICSEARCH_PASSWORD",
                INDEXER_PASSWORD,
                "INDEX_SEARCH_ELASTICSEARCH_USERNAME",
                "kamerstukken-search",
                "INDEX_SEARCH_ELASTICSEARCH_PASSWORD",
                READER_PASSWORD,
                "INDEX_HTTP_PORT",
                "0",
                "INDEX_BLOB_DIR",
                dir.resolve("blobs").toString()));
    service = IndexService.create(config);
    supervisor = new Supervisor("roles-it");
    service.start(supervisor);
    publish(stack.kafkaBootstrapServers(), config.kafka().topic(Topics.KAMERSTUKKEN).name());
  }

  @AfterAll
  static void stop() {
    if (supervisor != null) {
      supervisor.stopping();
    }
    if (service != null) {
      service.close();
    }
    if (node != null) {
      node.stop();
    }
  }

  @Test
  void indexServiceSetsUpFillsAndSearchesItsAliasesWithTheLeastPrivilegedUsers() throws Exception {
    // Then the indexer made its templates, indices and aliases and indexed the Kamerstuk, and the
    // search page's API (as kamerstukken-search) finds its question
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              HttpResponse<String> found =
                  HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://127.0.0.1:"
                                      + service.admin().port()
                                      + "/api/search?q=rechtenvrij"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
              assertThat(found.body()).contains("\"total\":1");
            });
    assertThat(supervisor.failure()).isEmpty();
  }

  @Test
  void theSearchUserOnlyReadsTheTwoAliases() throws Exception {
    createOtherIndex();
    String reader = ElasticsearchSecurity.basic("kamerstukken-search", READER_PASSWORD);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> call(reader, "GET", "/kamerstukken-qa/_count", null) == 200);

    assertThat(call(reader, "GET", "/kamerstukken-documents/_search", null)).isEqualTo(200);
    assertThat(call(reader, "GET", "/" + concreteIndex() + "/_search", null))
        .as("the index behind the alias, by its own name")
        .isEqualTo(403);
    assertThat(call(reader, "POST", "/kamerstukken-qa/_doc", "{\"questionText\":\"geplant\"}"))
        .isEqualTo(403);
    assertThat(call(reader, "DELETE", "/kamerstukken-qa/_doc/x", null)).isEqualTo(403);
    assertThat(call(reader, "GET", "/other-team/_search", null)).isEqualTo(403);
    assertThat(call(reader, "PUT", "/_index_template/x", "{\"index_patterns\":[\"x*\"]}"))
        .isEqualTo(403);
  }

  @Test
  void theIndexerTouchesNothingButItsOwnIndicesAndAliases() throws Exception {
    createOtherIndex();
    String indexer = ElasticsearchSecurity.basic("index-service", INDEXER_PASSWORD);

    assertThat(call(indexer, "GET", "/other-team/_search", null)).isEqualTo(403);
    assertThat(call(indexer, "POST", "/other-team/_doc", "{\"x\":1}")).isEqualTo(403);
    assertThat(call(indexer, "DELETE", "/other-team", null)).isEqualTo(403);
    assertThat(call(indexer, "PUT", "/not-ours", null)).isEqualTo(403);
    assertThat(call(indexer, "GET", "/_security/user", null)).isEqualTo(403);
    assertThat(
            call(
                indexer,
                "POST",
                "/_aliases",
                "{\"actions\":[{\"add\":{\"index\":\"other-team\",\"alias\":\"kamerstukken-qa\"}}]}"))
        .as("an alias of ours onto someone else's index")
        .isEqualTo(403);
    assertThat(
            call(
                ElasticsearchSecurity.basic("index-service", "wrong-password"),
                "GET",
                "/kamerstukken-qa/_count",
                null))
        .isEqualTo(401);
  }

  private static void createOtherIndex() throws Exception {
    int status =
        call(
            ADMIN.authorization(),
            "PUT",
            "/other-team",
            "{\"settings\":{\"number_of_replicas\":0}}");
    assertThat(status).isIn(200, 400);
  }

  /** The concrete index the qa alias points at, as the superuser sees it. */
  private static String concreteIndex() throws Exception {
    HttpResponse<String> aliases =
        send(ADMIN.authorization(), "GET", "/_alias/kamerstukken-qa", null);
    return aliases.body().replaceAll("^\\{\"([^\"]+)\".*$", "$1");
  }

  private static void publish(String kafka, String topic) throws Exception {
    String id = "e".repeat(64);
    DocumentParsed parsed =
        new DocumentParsed(
            id,
            new SourceFile("ah.pdf", id, "application/pdf", 10, "ah.pdf", null),
            new DocumentMetadata(
                "ah-tk-20252026-77",
                "aanhangsel-antwoord",
                "2025-2026",
                null,
                "77",
                "vragen over rechtenvrije foto's",
                null,
                List.of("Jansen"),
                List.of("VVD"),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of()),
            1,
            "tekst",
            List.of(new Segment(List.of("1"), "Zijn de foto's rechtenvrij?")),
            List.of(new Segment(List.of("1"), "Ja.")),
            List.of(),
            List.of(),
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:01Z"));
    // index-service reads the Kamerstukken the assemble stage makes; this one has one file
    Kamerstuk kamerstuk = Kamerstuk.alone(parsed, "the only file");
    try (KafkaProducer<String, Kamerstuk> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
            new StringSerializer(),
            Topics.KAMERSTUKKEN.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic, kamerstuk.key(), kamerstuk)).get();
    }
  }

  private static int call(String authorization, String method, String path, String body)
      throws Exception {
    return send(authorization, method, path, body).statusCode();
  }

  private static HttpResponse<String> send(
      String authorization, String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
