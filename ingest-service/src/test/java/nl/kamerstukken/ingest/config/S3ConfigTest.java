package nl.kamerstukken.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.kamerstukken.kit.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ConfigTest {

  @TempDir Path dir;

  private Map<String, String> bucketInbox() {
    Map<String, String> env = new HashMap<>();
    env.put("INGEST_STATE_DIR", dir.resolve("state").toString());
    env.put("INGEST_INBOX", dir.resolve("never-created").toString());
    env.put("INGEST_BLOB_DIR", dir.resolve("never-created-blobs").toString());
    env.put("INGEST_SOURCE", "s3");
    env.put("INGEST_S3_BUCKET", "kamerstukken");
    env.put("INGEST_S3_PREFIX", "inbox");
    env.put("INGEST_BLOB_STORE", "S3");
    env.put("INGEST_BLOB_BUCKET", "kamerstukken");
    env.put("INGEST_BLOB_PREFIX", "blobs/");
    return env;
  }

  @Test
  void folderIsTheDefaultAndNeedsNoS3Setting() {
    IngestConfig config =
        IngestConfig.load(
            Map.of(
                "INGEST_INBOX",
                dir.resolve("in").toString(),
                "INGEST_BLOB_DIR",
                dir.resolve("b").toString(),
                "INGEST_STATE_DIR",
                dir.resolve("s").toString()));

    assertThat(config.source()).isEqualTo(IngestConfig.Kind.FOLDER);
    assertThat(config.blobStore()).isEqualTo(IngestConfig.Kind.FOLDER);
    assertThat(config.s3().inbox()).isNull();
    assertThat(config.s3().blobs()).isNull();
    assertThat(config.s3().connection().endpoint()).isNull();
    assertThat(config.s3().connection().pathStyle()).isFalse();
  }

  @Test
  void aBucketSourceWithAnS3BlobStoreOnMinio() {
    // Given a MinIO endpoint, one bucket with an inbox folder and a blob folder
    Map<String, String> env = bucketInbox();
    env.put("INGEST_S3_ENDPOINT", "http://minio:9000");
    env.put("INGEST_S3_POLL_INTERVAL", "2s");
    env.put("INGEST_S3_EVENTS_TOPIC", "minio-events");

    // When loaded
    IngestConfig config = IngestConfig.load(env);

    // Then the prefixes are folders, path-style addressing is on, and no local inbox folder was
    // created
    assertThat(config.source()).isEqualTo(IngestConfig.Kind.S3);
    assertThat(config.s3().inbox()).isEqualTo(new BucketLocation("kamerstukken", "inbox/"));
    assertThat(config.s3().inbox().root()).isEqualTo("s3://kamerstukken/inbox");
    assertThat(config.s3().blobs().uri("blobs/ab/cd/abcd"))
        .isEqualTo("s3://kamerstukken/blobs/ab/cd/abcd");
    assertThat(config.s3().connection().pathStyle()).isTrue();
    assertThat(config.s3().connection().region()).isEqualTo("us-east-1");
    assertThat(config.s3().pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.s3().eventsTopic()).isEqualTo("minio-events");
    assertThat(dir.resolve("never-created")).doesNotExist();
    assertThat(dir.resolve("never-created-blobs")).doesNotExist();
  }

  @Test
  void theRegionFallsBackToAwsRegion() {
    Map<String, String> env = bucketInbox();
    env.put("AWS_REGION", "eu-central-1");

    assertThat(IngestConfig.load(env).s3().connection().region()).isEqualTo("eu-central-1");
    env.put("INGEST_S3_REGION", "eu-west-1");
    assertThat(IngestConfig.load(env).s3().connection().region()).isEqualTo("eu-west-1");
  }

  @Test
  void blobsInsideTheWatchedBucketFolderAreRefused() {
    // Given blobs in the root of the watched bucket (they would be ingested themselves)
    Map<String, String> env = bucketInbox();
    env.put("INGEST_S3_PREFIX", "");
    env.put("INGEST_BLOB_PREFIX", "blobs");

    // When loaded, Then the variable is named with what to do
    assertThatThrownBy(() -> IngestConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INGEST_BLOB_PREFIX=blobs/")
        .hasMessageContaining("separate prefixes");
  }

  @Test
  void namesEveryBadS3Variable() {
    Map<String, String> env = bucketInbox();
    env.put("INGEST_SOURCE", "ftp");
    env.put("INGEST_BLOB_BUCKET", "Not_A_Bucket");
    env.put("INGEST_S3_ENDPOINT", "minio:9000");
    env.put("INGEST_S3_POLL_INTERVAL", "0s");

    assertThatThrownBy(() -> IngestConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("INGEST_SOURCE=ftp: expected folder, s3 or koop"))
                    .anySatisfy(p -> assertThat(p).startsWith("INGEST_BLOB_BUCKET=Not_A_Bucket"))
                    .anySatisfy(p -> assertThat(p).startsWith("INGEST_S3_ENDPOINT=minio:9000"))
                    .anySatisfy(p -> assertThat(p).startsWith("INGEST_S3_POLL_INTERVAL=0")));
  }

  @Test
  void aBucketSourceNeedsABucket() {
    Map<String, String> env = bucketInbox();
    env.remove("INGEST_S3_BUCKET");

    assertThatThrownBy(() -> IngestConfig.load(env)).hasMessageContaining("INGEST_S3_BUCKET=");
  }
}
