package nl.kamerstukken.kit.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.kamerstukken.kit.config.ConfigException;
import nl.kamerstukken.kit.config.EnvConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobLocationTest {

  @TempDir Path dir;

  @Test
  void byDefaultTheBlobsAreIngestsDefaultFolder() {
    EnvConfig env = EnvConfig.of("PARSE_", Map.of());

    BlobLocation location = BlobLocation.load(env);
    env.validate();

    assertThat(location)
        .isEqualTo(new BlobLocation.Folder(Path.of(".kamerstukken", "blobs").toAbsolutePath()));
  }

  @Test
  void aBucketStoreNeedsABucketNameAndTakesAPrefix() {
    EnvConfig env =
        EnvConfig.of(
            "INDEX_",
            Map.of(
                "INDEX_BLOB_STORE", "s3",
                "INDEX_BLOB_BUCKET", "kamerstukken-blobs",
                "INDEX_BLOB_PREFIX", "blobs"));

    BlobLocation location = BlobLocation.load(env);
    env.validate();

    assertThat(location).isEqualTo(new BlobLocation.Bucket("kamerstukken-blobs", "blobs/"));
    assertThat(location.describe()).isEqualTo("blob bucket [s3://kamerstukken-blobs/blobs/]");
  }

  @Test
  void badSettingsStopTheServiceNamingEachVariable() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    EnvConfig folder = EnvConfig.of("PARSE_", Map.of("PARSE_BLOB_DIR", file.toString()));
    BlobLocation.load(folder);
    assertThatThrownBy(folder::validate)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PARSE_BLOB_DIR=" + file);

    EnvConfig bucket =
        EnvConfig.of(
            "PARSE_",
            Map.of(
                "PARSE_BLOB_STORE", "s3", "PARSE_BLOB_BUCKET", "B", "PARSE_BLOB_PREFIX", "../x"));
    BlobLocation.load(bucket);
    assertThatThrownBy(bucket::validate)
        .hasMessageContaining("PARSE_BLOB_BUCKET=B")
        .hasMessageContaining("PARSE_BLOB_PREFIX=../x");

    EnvConfig kind = EnvConfig.of("PARSE_", Map.of("PARSE_BLOB_STORE", "http"));
    BlobLocation.load(kind);
    assertThatThrownBy(kind::validate).hasMessageContaining("PARSE_BLOB_STORE=http");
  }

  @Test
  void aFolderThatDoesNotExistYetIsAcceptedAndHoldsNothing() {
    Path later = dir.resolve("created-by-ingest-later");
    EnvConfig env = EnvConfig.of("PARSE_", Map.of("PARSE_BLOB_DIR", later.toString()));

    BlobLocation location = BlobLocation.load(env);
    env.validate();

    assertThat(location.locate(later.resolve("aa/bb/x").toUri().toString()))
        .isEqualTo(new BlobLocation.InFolder(later.resolve("aa/bb/x"), false));
  }
}
