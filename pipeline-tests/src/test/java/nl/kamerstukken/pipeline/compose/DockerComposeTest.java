package nl.kamerstukken.pipeline.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.cli.up.PipelineSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the documentation (docs/operations.md, the README and the module READMEs) promises about
 * {@code docker compose up}, checked against docker-compose.yml, .env.example and the Dockerfiles
 * without a Docker engine: the services, pinned image tags, healthchecks, non-root images, and that
 * every setting the compose file reads is documented (and nothing documented is unused).
 */
class DockerComposeTest {

  private static final String OPERATIONS = "docs/operations.md";

  private static final Set<String> SERVICES =
      Set.of(
          "kafka",
          "kafka-setup",
          "elasticsearch",
          "elasticsearch-setup",
          "kibana",
          "kibana-setup",
          "minio",
          "minio-setup",
          "ingest-service",
          "parse-service",
          "assemble-service",
          "index-service");
  private static final Map<String, String> BUILT =
      Map.of(
          "ingest-service",
          "ingest-service/README.md",
          "parse-service",
          "parse-service/README.md",
          "assemble-service",
          "assemble-service/README.md",
          "index-service",
          "index-service/README.md");

  /** name:tag with a tag that names a version (a digit in it) and is not "latest". */
  private static final Pattern PINNED =
      Pattern.compile("[a-z0-9][a-z0-9./_-]*:(?!latest$)[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*");

  /**
   * ${NAME}, ${NAME:-default}, ${NAME:?message}; not $${NAME} (escaped: read by the container's
   * shell).
   */
  private static final Pattern INTERPOLATION =
      Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?}");

  private static final Pattern SETTING_ROW = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)` \\|");

  private static Path home;
  private static String composeText;
  private static JsonNode services;

  @BeforeAll
  static void readTheComposeFile() throws IOException {
    home = PipelineSettings.locateHome();
    composeText = Files.readString(home.resolve("docker-compose.yml"));
    services = new YAMLMapper().readTree(composeText).path("services");
  }

  @Test
  void theComposeFileHasEveryServiceTheReadmeLists() throws IOException {
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);

    assertThat(names).containsExactlyInAnyOrderElementsOf(SERVICES);
    String readme = dockerSection();
    assertThat(SERVICES)
        .allSatisfy(service -> assertThat(readme).contains("| `" + service + "` |"));
  }

  @Test
  void everyImageTagIsPinnedAlsoInTheDockerfiles() throws IOException {
    for (String service : SERVICES) {
      String image = services.path(service).path("image").asText();
      assertThat(image).as("image of %s", service).matches(PINNED);
    }
    for (String service : BUILT.keySet()) {
      JsonNode build = services.path(service).path("build");
      assertThat(build.path("context").asText()).isEqualTo(".");
      Path dockerfile = home.resolve(build.path("dockerfile").asText());
      List<String> from =
          Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("FROM ")).toList();
      assertThat(from)
          .as("%s: a build stage and a run stage", dockerfile)
          .hasSize(2)
          .allSatisfy(line -> assertThat(line.split("\\s+")[1]).matches(PINNED));
    }
    assertThat(composeText).doesNotContain(":latest");
  }

  @Test
  void everyLongRunningServiceHasAHealthcheckAndTheOneShotsDoNotRestart() {
    for (String service : SERVICES) {
      JsonNode definition = services.path(service);
      if (service.endsWith("-setup")) {
        assertThat(definition.path("restart").asText()).as(service).isEqualTo("no");
      } else if (BUILT.containsKey(service)) {
        assertThat(definition.has("healthcheck"))
            .as("%s checks itself in its Dockerfile", service)
            .isFalse();
      } else {
        assertThat(definition.path("healthcheck").path("test").isArray())
            .as("healthcheck of %s", service)
            .isTrue();
      }
    }
  }

  @Test
  void theServiceImagesBuildWithMavenRunAsAnUnprivilegedUserAndCheckTheirHealth()
      throws IOException {
    for (String service : BUILT.keySet()) {
      String dockerfile = Files.readString(home.resolve(service).resolve("Dockerfile"));
      assertThat(dockerfile)
          .as(service)
          .contains("mvn -B -q -pl " + service + " -am package")
          .contains("COPY --from=build /src/" + service + "/target/" + service + ".jar")
          .contains("COPY --from=build /src/" + service + "/target/lib/ /app/lib/")
          .containsPattern("(?m)^USER kamerstukken$")
          .containsPattern("(?m)^HEALTHCHECK .*\\n\\s+CMD curl -fsS http://127.0.0.1:\\d+/health");
    }
    assertThat(Files.readString(home.resolve("parse-service/Dockerfile")))
        .contains("tesseract-ocr tesseract-ocr-nld");
  }

  @Test
  void everySettingTheComposeFileReadsIsDocumentedAndInTheExampleEnvFile() throws IOException {
    Set<String> read = new TreeSet<>();
    Matcher m = INTERPOLATION.matcher(composeText);
    while (m.find()) {
      read.add(m.group(1));
    }
    Set<String> documented = new TreeSet<>();
    Matcher row = SETTING_ROW.matcher(dockerSection());
    while (row.find()) {
      documented.add(row.group(1));
    }
    Set<String> example = new TreeSet<>();
    for (String line : Files.readAllLines(home.resolve(".env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        example.add(line.substring(0, line.indexOf('=')));
      }
    }

    assertThat(read).as("settings read by docker-compose.yml").isNotEmpty().isEqualTo(documented);
    assertThat(example).as(".env.example").isEqualTo(documented);
  }

  @Test
  void everyVariableGivenToAServiceIsDocumentedInItsReadme() throws IOException {
    String top =
        Files.readString(home.resolve("README.md")) + Files.readString(home.resolve(OPERATIONS));
    for (Map.Entry<String, String> built : BUILT.entrySet()) {
      String own = Files.readString(home.resolve(built.getValue()));
      services
          .path(built.getKey())
          .path("environment")
          .fieldNames()
          .forEachRemaining(
              variable ->
                  assertThat(own + top)
                      .as("%s of %s", variable, built.getKey())
                      .contains("`" + variable));
    }
  }

  @Test
  void securityIsOnUnlessSwitchedOffAndKibanaGetsTheSavedObjects() {
    JsonNode elasticsearch = services.path("elasticsearch").path("environment");
    assertThat(elasticsearch.path("xpack.security.enabled").asText())
        .isEqualTo("${ELASTIC_SECURITY:-true}");
    assertThat(
            services
                .path("index-service")
                .path("environment")
                .path("INDEX_ELASTICSEARCH_PASSWORD")
                .asText())
        .startsWith("${INDEX_ES_PASSWORD");
    assertThat(services.path("kibana-setup").path("volumes").get(0).asText())
        .startsWith("./kibana/saved-objects.ndjson:");
    assertThat(home.resolve("kibana/saved-objects.ndjson")).isRegularFile();
    assertThat(
            services
                .path("kibana-setup")
                .path("depends_on")
                .path("kibana")
                .path("condition")
                .asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void theBucketsMinioCreatesAreTheOnesIngestWatchesAndFills() {
    JsonNode setup = services.path("minio-setup").path("environment");
    JsonNode ingest = services.path("ingest-service").path("environment");
    assertThat(ingest.path("INGEST_S3_BUCKET").asText())
        .isEqualTo(setup.path("INBOX_BUCKET").asText());
    assertThat(ingest.path("INGEST_BLOB_BUCKET").asText())
        .isEqualTo(setup.path("BLOB_BUCKET").asText());
    assertThat(ingest.path("INGEST_S3_EVENTS_TOPIC").asText())
        .isEqualTo(
            services
                .path("minio")
                .path("environment")
                .path("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY")
                .asText());
    assertThat(
            services.path("parse-service").path("environment").path("PARSE_S3_ENDPOINT").asText())
        .isEqualTo(ingest.path("INGEST_S3_ENDPOINT").asText());
  }

  @Test
  void kafkaAuthenticatesEveryListenerAndDeniesWhatTheAclsDoNotAllow() throws IOException {
    JsonNode kafka = services.path("kafka").path("environment");
    assertThat(kafka.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText().split(","))
        .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
    assertThat(kafka.path("KAFKA_AUTHORIZER_CLASS_NAME").asText())
        .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    assertThat(kafka.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
    assertThat(kafka.path("KAFKA_SUPER_USERS").asText()).isEqualTo("User:admin");
    assertThat(kafka.path("KAFKA_LISTENER_NAME_HOST_SASL_ENABLED_MECHANISMS").asText())
        .as("the super user cannot log in from the host")
        .isEqualTo("SCRAM-SHA-512");
    assertThat(kafka.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    assertThat(services.path("kafka-setup").path("volumes").get(0).asText())
        .isEqualTo("./deploy/kafka:/setup:ro");
    assertThat(home.resolve("deploy/kafka/acls.txt")).isRegularFile();
    assertThat(home.resolve("deploy/kafka/setup.sh")).isExecutable();
  }

  @Test
  void eachServiceLogsInToKafkaAsItsOwnUserAfterTheSetup() {
    for (String service : BUILT.keySet()) {
      JsonNode env = services.path(service).path("environment");
      assertThat(env.path("KAFKA_PROPERTY_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
      assertThat(env.path("KAFKA_PROPERTY_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
      assertThat(env.path("KAFKA_PROPERTY_SASL_JAAS_CONFIG").asText())
          .contains("username=\"" + service + "\"")
          .contains("${KAFKA_" + service.replace("-service", "").toUpperCase() + "_PASSWORD");
      assertThat(
              services
                  .path(service)
                  .path("depends_on")
                  .path("kafka-setup")
                  .path("condition")
                  .asText())
          .isEqualTo("service_completed_successfully");
    }
  }

  @Test
  void parseAndIndexOpenClaimChecksOnlyInTheBucketIngestWritesTo() {
    String blobs =
        services.path("ingest-service").path("environment").path("INGEST_BLOB_BUCKET").asText();
    for (String prefix : List.of("parse-service:PARSE_", "index-service:INDEX_")) {
      String[] parts = prefix.split(":");
      JsonNode env = services.path(parts[0]).path("environment");
      assertThat(env.path(parts[1] + "BLOB_STORE").asText()).isEqualTo("s3");
      assertThat(env.path(parts[1] + "BLOB_BUCKET").asText()).isEqualTo(blobs);
    }
  }

  @Test
  void everyPublishedPortListensOnThePublishAddressOnly() {
    List<String> published = new ArrayList<>();
    services.forEach(
        service -> service.path("ports").forEach(port -> published.add(port.asText())));

    assertThat(published)
        .isNotEmpty()
        .allSatisfy(port -> assertThat(port).startsWith("${PUBLISH_ADDRESS:-127.0.0.1}:"));
  }

  @Test
  void theSearchSideOnlyReadsTheAliasesAndTheIndexerOnlyTouchesItsOwnIndices() throws IOException {
    YAMLMapper json = new YAMLMapper();
    JsonNode reader =
        json.readTree(home.resolve("deploy/elasticsearch/role-kamerstukken_reader.json").toFile());
    JsonNode indexer =
        json.readTree(home.resolve("deploy/elasticsearch/role-kamerstukken_indexer.json").toFile());

    assertThat(reader.path("cluster")).isEmpty();
    assertThat(reader.path("indices")).hasSize(1);
    assertThat(reader.at("/indices/0/names").toString())
        .isEqualTo("[\"kamerstukken-documents\",\"kamerstukken-qa\",\"kamerstukken-kamervragen\"]");
    assertThat(reader.at("/indices/0/privileges").toString())
        .isEqualTo("[\"read\",\"view_index_metadata\"]");
    indexer
        .path("indices")
        .forEach(
            grant ->
                grant
                    .path("names")
                    .forEach(name -> assertThat(name.asText()).startsWith("kamerstukken-")));
    JsonNode index = services.path("index-service").path("environment");
    assertThat(index.path("INDEX_ELASTICSEARCH_USERNAME").asText()).isEqualTo("index-service");
    assertThat(index.path("INDEX_SEARCH_ELASTICSEARCH_USERNAME").asText())
        .isEqualTo("kamerstukken-search");
    assertThat(services.path("elasticsearch-setup").path("volumes").get(0).asText())
        .isEqualTo("./deploy/elasticsearch:/setup:ro");
  }

  /** docs/operations.md from "## Run with Docker" up to its "### Security" subsection. */
  private static String dockerSection() throws IOException {
    String readme = Files.readString(home.resolve(OPERATIONS));
    int start = readme.indexOf("## Run with Docker");
    assertThat(start).as(OPERATIONS + " has a section \"Run with Docker\"").isNotNegative();
    int end = readme.indexOf("\n### Security", start);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
