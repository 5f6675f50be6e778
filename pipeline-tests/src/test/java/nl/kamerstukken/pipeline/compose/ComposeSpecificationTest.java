package nl.kamerstukken.pipeline.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml is valid against the Compose Specification's published JSON Schema (kept in
 * test resources with its source and version, see compose-spec/README.md). No Docker engine runs
 * here and none can pull images, so this static check is what stands between the file and a user's
 * {@code docker compose up} failing on a typo.
 */
class ComposeSpecificationTest {

  private static final String SCHEMA_SHA256 =
      "46b7d35f19dd93a05f8fea530291bf84d881c1791ec167ecf0e6fb94e639d496";

  private static JsonSchema schema;
  private static JsonNode compose;

  @BeforeAll
  static void load() throws Exception {
    byte[] schemaBytes;
    try (InputStream in =
        ComposeSpecificationTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      schemaBytes = in.readAllBytes();
    }
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schemaBytes)))
        .as("compose-spec.json is the copy its README names")
        .isEqualTo(SCHEMA_SHA256);
    schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            // Its $id is relative ("compose_spec.json"): resolve it against where the copy lives.
            .getSchema(
                SchemaLocation.of("classpath:compose-spec/compose-spec.json"),
                new YAMLMapper().readTree(schemaBytes));
    compose = composeFile(repositoryFile("docker-compose.yml"));
  }

  @Test
  void theComposeFileFollowsTheComposeSpecification() {
    Set<ValidationMessage> problems = schema.validate(compose);

    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaRefusesWhatComposeWouldRefuse() {
    // Given the same file with a typo in a service key and a dependency list that is a number
    ObjectNode broken = compose.deepCopy();
    ObjectNode service = (ObjectNode) broken.path("services").path("index-service");
    service.set("healthchek", service.path("healthcheck"));
    service.put("depends_on", 5);

    // When it is validated, Then both are reported
    assertThat(schema.validate(broken))
        .extracting(ValidationMessage::getMessage)
        .anyMatch(m -> m.contains("healthchek"))
        .anyMatch(m -> m.contains("depends_on"));
  }

  /**
   * The file as Compose reads it: YAML merge keys ({@code <<: *defaults}) resolved, which Jackson's
   * YAML reader leaves as a key named {@code <<}; SnakeYAML's safe loader resolves them.
   */
  private static JsonNode composeFile(Path file) throws IOException {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    return new YAMLMapper().valueToTree(loaded);
  }

  /** The project root: the working directory of this module's tests is pipeline-tests/. */
  static Path repositoryFile(String name) throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(name)) && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir.resolve(name);
      }
    }
    throw new IOException(name + " not found above " + Path.of("").toAbsolutePath());
  }
}
