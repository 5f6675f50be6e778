package nl.kamerstukken.parse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * The parse limits come from PARSE_* variables over documented defaults; bad values name the
 * variable.
 */
class ParseConfigTest {

  @Test
  void usesTheDocumentedDefaults() {
    ParseConfig config = ParseConfig.load(Map.of("PARSE_THREADS", "3"));

    assertThat(config.isolation().workers()).isEqualTo(3);
    assertThat(config.isolation().heap()).isEqualTo("512m");
    assertThat(config.isolation().timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(config.isolation().maxFileSizeBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(config.parser().maxPages()).isEqualTo(2000);
  }

  @Test
  void parsesOnEveryCoreByDefault() {
    assertThat(ParseConfig.defaultThreads(1)).isEqualTo(1);
    assertThat(ParseConfig.defaultThreads(2)).isEqualTo(2);
    assertThat(ParseConfig.defaultThreads(8)).isEqualTo(8);
    assertThat(ParseConfig.load(Map.of()).threads())
        .isEqualTo(ParseConfig.defaultThreads(Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void readsTheLimits() {
    ParseConfig config =
        ParseConfig.load(
            Map.of(
                "PARSE_TIMEOUT",
                "45s",
                "PARSE_WORKER_HEAP",
                "1g",
                "PARSE_MAX_FILE_SIZE",
                "20MB",
                "PARSE_MAX_PAGES",
                "300",
                "PARSE_OCR",
                "false"));

    assertThat(config.isolation().timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.isolation().heap()).isEqualTo("1g");
    assertThat(config.isolation().maxFileSizeBytes()).isEqualTo(20L * 1024 * 1024);
    assertThat(config.parser().maxPages()).isEqualTo(300);
    assertThat(config.parser().ocrEnabled()).isFalse();
  }

  @Test
  void refusesNumbersTooLargeForALongNamingTheVariable() {
    assertThatThrownBy(
            () ->
                ParseConfig.load(
                    Map.of(
                        "PARSE_WORKER_HEAP",
                        "99999999999999999999g",
                        "PARSE_MAX_FILE_SIZE",
                        "99999999999999999999",
                        "PARSE_MAX_PAGES",
                        "99999999999999999999",
                        "PARSE_TIMEOUT",
                        "99999999999999999999s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PARSE_WORKER_HEAP=99999999999999999999g")
        .hasMessageContaining("PARSE_MAX_FILE_SIZE=99999999999999999999")
        .hasMessageContaining("PARSE_MAX_PAGES=99999999999999999999")
        .hasMessageContaining("PARSE_TIMEOUT=99999999999999999999s")
        .hasMessageContaining("too large");
  }

  @Test
  void refusesBadLimitsNamingEachVariable() {
    assertThatThrownBy(
            () ->
                ParseConfig.load(
                    Map.of(
                        "PARSE_WORKER_HEAP",
                        "lots",
                        "PARSE_MAX_FILE_SIZE",
                        "big",
                        "PARSE_MAX_PAGES",
                        "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PARSE_WORKER_HEAP")
        .hasMessageContaining("PARSE_MAX_FILE_SIZE")
        .hasMessageContaining("PARSE_MAX_PAGES");
  }

  @Test
  void claimChecksAreConfinedToTheConfiguredBlobStore() {
    ParseConfig bucket =
        ParseConfig.load(
            Map.of(
                "PARSE_BLOB_STORE", "s3",
                "PARSE_BLOB_BUCKET", "kamerstukken-blobs",
                "PARSE_S3_ENDPOINT", "http://minio:9000"));

    assertThat(bucket.blobs()).isEqualTo(new BlobLocation.Bucket("kamerstukken-blobs", ""));
    assertThat(bucket.s3().pathStyle()).isTrue();
    assertThat(ParseConfig.load(Map.of("PARSE_BLOB_DIR", "/var/lib/kamerstukken/blobs")).blobs())
        .isEqualTo(new BlobLocation.Folder(Path.of("/var/lib/kamerstukken/blobs")));
    assertThatThrownBy(() -> ParseConfig.load(Map.of("PARSE_BLOB_STORE", "s3")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PARSE_BLOB_BUCKET");
  }
}
