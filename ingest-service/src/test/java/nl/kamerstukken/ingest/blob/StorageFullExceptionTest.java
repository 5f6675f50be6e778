package nl.kamerstukken.ingest.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which failures mean "no space" (wait and try again) and which do not (a file's own problem). */
class StorageFullExceptionTest {

  @TempDir Path dir;

  @Test
  void aFullFileSystemIsNoSpaceWhateverTheJavaTypeSaysIt() {
    // Given the ways Java reports ENOSPC and EDQUOT: FileChannel.write, Files.copy, a wrapped one
    IOException write = new IOException("No space left on device");
    IOException copy =
        new FileSystemException("/data/blobs/.incoming/put-1.tmp", null, "No space left on device");
    IOException quota = new IOException("Disk quota exceeded");
    RuntimeException wrapped = new UncheckedIOException("while storing", write);

    // Then each is no space
    assertThat(StorageFullException.isNoSpace(write)).isTrue();
    assertThat(StorageFullException.isNoSpace(copy)).isTrue();
    assertThat(StorageFullException.isNoSpace(quota)).isTrue();
    assertThat(StorageFullException.isNoSpace(wrapped)).isTrue();
  }

  @Test
  void otherFailuresAreNotNoSpace() {
    assertThat(StorageFullException.isNoSpace(new AccessDeniedException("/data/blobs"))).isFalse();
    assertThat(StorageFullException.isNoSpace(new IOException("Input/output error"))).isFalse();
    assertThat(StorageFullException.isNoSpace(SdkClientException.create("connection refused")))
        .isFalse();
    assertThat(StorageFullException.isNoSpace(s3(503, "SlowDown"))).isFalse();
  }

  @Test
  void aBucketThatSaysItIsFullIsNoSpace() {
    assertThat(StorageFullException.isNoSpace(s3(507, "InsufficientStorage"))).isTrue();
    assertThat(StorageFullException.isNoSpace(s3(500, "XMinioStorageFull"))).isTrue();
  }

  @Test
  void namesTheFolderAndItsFreeBytes() {
    // When a write below the folder failed for space
    StorageFullException full =
        StorageFullException.inFolder(dir, new IOException("No space left on device"))
            .orElseThrow();

    // Then the exception says where and how much is free
    assertThat(full.where()).isEqualTo(dir.toString());
    assertThat(full.freeBytes()).isNotNegative();
    assertThat(full.getMessage())
        .contains(dir.toString())
        .contains(full.freeBytes() + " bytes free")
        .contains("No space left on device");
    assertThat(StorageFullException.inFolder(dir, new IOException("Input/output error"))).isEmpty();
  }

  private static S3Exception s3(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .message(code)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }
}
