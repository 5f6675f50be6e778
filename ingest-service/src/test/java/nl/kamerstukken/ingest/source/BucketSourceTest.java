package nl.kamerstukken.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BucketSourceTest {

  @Test
  void aStampHasTheEtagWithoutQuotesAndWholeSeconds() {
    FileStamp stamp =
        BucketSource.stamp(
            42L, Instant.parse("2026-03-01T10:00:00.750Z"), "\"9b2cf535f27731c974343645a3985328\"");

    assertThat(stamp)
        .isEqualTo(
            new FileStamp(
                42,
                Instant.parse("2026-03-01T10:00:00Z").toEpochMilli(),
                "9b2cf535f27731c974343645a3985328"));
  }

  @Test
  void versionsAreToldApartByEtagAndSizeNotByTime() {
    FileStamp known = new FileStamp(42, 1000, "abc");

    assertThat(BucketSource.sameVersion(known, new FileStamp(42, 99_000, "abc"))).isTrue();
    assertThat(BucketSource.sameVersion(known, new FileStamp(42, 1000, "abd"))).isFalse();
    assertThat(BucketSource.sameVersion(known, new FileStamp(43, 1000, "abc"))).isFalse();
    // A key recorded from a folder (no ETag) is never the same version as an object.
    assertThat(BucketSource.sameVersion(new FileStamp(42, 1000), new FileStamp(42, 1000, "abc")))
        .isFalse();
  }
}
