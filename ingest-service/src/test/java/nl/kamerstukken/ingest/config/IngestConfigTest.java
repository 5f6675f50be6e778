package nl.kamerstukken.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.kamerstukken.kit.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

  @TempDir Path dir;

  private Map<String, String> folders() {
    Map<String, String> env = new HashMap<>();
    env.put("INGEST_INBOX", dir.resolve("inbox").toString());
    env.put("INGEST_BLOB_DIR", dir.resolve("store/blobs").toString());
    env.put("INGEST_STATE_DIR", dir.resolve("store/state").toString());
    return env;
  }

  @Test
  void usesTheDocumentedDefaultsAndCreatesTheFolders() {
    // Given only the folders
    Map<String, String> env = folders();

    // When loaded
    IngestConfig config = IngestConfig.load(env);

    // Then the defaults hold and the folders exist
    assertThat(config.inbox()).isEqualTo(dir.resolve("inbox")).isDirectory();
    assertThat(config.blobDir()).isDirectory();
    assertThat(config.stateDir()).isDirectory();
    assertThat(config.rescanInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.settleTime()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.fileEvents()).isEqualTo(IngestConfig.FileEvents.AUTO);
    assertThat(config.maxFileSizeBytes()).isEqualTo(200L * 1024 * 1024);
    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isEqualTo(8081);
    assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.kafka().clientId()).isEqualTo("ingest-service");
  }

  @Test
  void theExampleEnvironmentFileListsTheDefaults() throws Exception {
    // Given the example in the docs, with its folders moved to a temp dir
    Map<String, String> env = new HashMap<>();
    for (String line :
        Files.readAllLines(Path.of("src/test/resources/examples/ingest-service.env"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    assertThat(env)
        .containsKeys(
            "INGEST_INBOX",
            "INGEST_BLOB_DIR",
            "INGEST_STATE_DIR",
            "INGEST_RESCAN_INTERVAL",
            "INGEST_SETTLE_TIME",
            "INGEST_FILE_EVENTS",
            "INGEST_MAX_FILE_SIZE",
            "INGEST_HTTP_HOST",
            "INGEST_HTTP_PORT");
    env.putAll(folders());

    // When loaded, Then it is valid and equal to loading nothing but the folders
    assertThat(IngestConfig.load(env)).isEqualTo(IngestConfig.load(folders()));
  }

  @Test
  void readsEveryVariable() {
    // Given every variable set
    Map<String, String> env = folders();
    env.put("INGEST_RESCAN_INTERVAL", "30s");
    env.put("INGEST_SETTLE_TIME", "250ms");
    env.put("INGEST_FILE_EVENTS", "watch-service");
    env.put("INGEST_MAX_FILE_SIZE", "5MB");
    env.put("INGEST_HTTP_HOST", "0.0.0.0");
    env.put("INGEST_HTTP_PORT", "0");
    env.put("KAFKA_BOOTSTRAP_SERVERS", "broker:9093");
    env.put("KAFKA_TOPIC_PREFIX", "it-1.");

    // When loaded
    IngestConfig config = IngestConfig.load(env);

    // Then each value is taken
    assertThat(config.rescanInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.settleTime()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.fileEvents()).isEqualTo(IngestConfig.FileEvents.WATCH_SERVICE);
    assertThat(config.maxFileSizeBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    assertThat(config.httpPort()).isZero();
    assertThat(config.kafka().bootstrapServers()).isEqualTo("broker:9093");
    assertThat(config.kafka().topicPrefix()).isEqualTo("it-1.");
  }

  @Test
  void acceptsSizesInBytesAndUnits() {
    Map<String, String> env = folders();
    env.put("INGEST_MAX_FILE_SIZE", "1048576");
    assertThat(IngestConfig.load(env).maxFileSizeBytes()).isEqualTo(1_048_576L);
    env.put("INGEST_MAX_FILE_SIZE", "1 gb");
    assertThat(IngestConfig.load(env).maxFileSizeBytes()).isEqualTo(1024L * 1024 * 1024);
    env.put("INGEST_MAX_FILE_SIZE", "512KB");
    assertThat(IngestConfig.load(env).maxFileSizeBytes()).isEqualTo(512L * 1024);
  }

  @Test
  void namesEveryBadVariable() {
    // Given several bad values
    Map<String, String> env = folders();
    env.put("INGEST_RESCAN_INTERVAL", "often");
    env.put("INGEST_SETTLE_TIME", "-1s");
    env.put("INGEST_FILE_EVENTS", "fanotify");
    env.put("INGEST_MAX_FILE_SIZE", "huge");
    env.put("INGEST_HTTP_PORT", "70000");

    // When loaded, Then one error names all of them
    assertThatThrownBy(() -> IngestConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .anySatisfy(p -> assertThat(p).startsWith("INGEST_RESCAN_INTERVAL=often"))
                    .anySatisfy(p -> assertThat(p).startsWith("INGEST_SETTLE_TIME="))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("INGEST_FILE_EVENTS=fanotify")
                                .contains("auto", "watch-service"))
                    .anySatisfy(p -> assertThat(p).startsWith("INGEST_MAX_FILE_SIZE=huge"))
                    .anySatisfy(p -> assertThat(p).startsWith("INGEST_HTTP_PORT=70000")));
  }

  @Test
  void rejectsAZeroRescanIntervalAndAZeroMaxSize() {
    Map<String, String> env = folders();
    env.put("INGEST_RESCAN_INTERVAL", "0s");
    env.put("INGEST_MAX_FILE_SIZE", "0");

    assertThatThrownBy(() -> IngestConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INGEST_RESCAN_INTERVAL=0")
        .hasMessageContaining("INGEST_MAX_FILE_SIZE=0");
  }

  @Test
  void rejectsAnInboxThatCannotBeCreated() throws Exception {
    // Given an inbox path below a regular file
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Map<String, String> env = folders();
    env.put("INGEST_INBOX", file.resolve("inbox").toString());

    // When loaded, Then the variable is named
    assertThatThrownBy(() -> IngestConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INGEST_INBOX=" + file.resolve("inbox"))
        .hasMessageContaining("cannot be created");
  }

  @Test
  void rejectsABlobStoreInsideTheInbox() {
    // Given blobs that would be ingested themselves
    Map<String, String> env = folders();
    env.put("INGEST_BLOB_DIR", dir.resolve("inbox/blobs").toString());

    // When loaded, Then it is refused
    assertThatThrownBy(() -> IngestConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INGEST_BLOB_DIR=")
        .hasMessageContaining("must not be inside the inbox");
  }
}
