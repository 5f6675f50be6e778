package nl.kamerstukken.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.kamerstukken.ingest.source.FileStamp;
import nl.kamerstukken.ingest.source.KnownFiles;
import nl.kamerstukken.ingest.source.SourceFileException;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KoopDownloadsTest {

  private static final String ID = "ah-tk-20202021-3235";
  private static final String GOOD =
      "https://repository.overheid.nl/frbr/officielepublicaties/ah-tk/20202021/"
          + ID
          + "/1/pdf/"
          + ID
          + ".pdf";

  private final KoopDownloads downloads =
      new KoopDownloads(
          null,
          URI.create("https://repository.overheid.nl/frbr/"),
          Path.of("unused"),
          new KnownFiles() {
            @Override
            public Optional<FileStamp> stamp(String sourcePath) {
              return Optional.empty();
            }

            @Override
            public Collection<String> pathsAt(String sourcePath) {
              return List.of();
            }
          },
          1024);

  @Test
  void aUrlUnderTheBaseThatNamesTheRecordIsFetched() throws Exception {
    assertThat(downloads.allowed(GOOD, ID)).isEqualTo(URI.create(GOOD));
    assertThat(downloads.allowed(GOOD.replace("https://repository", "HTTPS://Repository"), ID))
        .isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://repository.overheid.nl/frbr/officielepublicaties/x/" + ID + "/1/pdf/a.pdf",
        "https://repository.overheid.nl:8443/frbr/officielepublicaties/" + ID + "/a.pdf",
        "https://evil.example/frbr/officielepublicaties/" + ID + "/a.pdf",
        "https://repository.overheid.nl.evil.example/frbr/" + ID + "/a.pdf",
        "https://user@repository.overheid.nl/frbr/" + ID + "/a.pdf",
        "https://repository.overheid.nl/frbr/../admin/" + ID + "/a.pdf",
        "https://repository.overheid.nl/frbr/%2e%2e/admin/" + ID + "/a.pdf",
        "https://repository.overheid.nl/frbr/" + ID + "/a.pdf?redirect=https://evil.example",
        "https://repository.overheid.nl/other/" + ID + "/a.pdf",
        "httbroken://repository.overheid.nl/frbr/" + ID + "/a.pdf",
        "file:///etc/passwd",
        "https://repository.overheid.nl/frbr/officielepublicaties/kst/32545/kst-32545-143/1/pdf/"
            + ID
            + ".pdf",
        "not a url at all"
      })
  void anythingElseIsRefusedWithoutBeingAskedFor(String url) {
    assertThatThrownBy(() -> downloads.allowed(url, ID))
        .isInstanceOfSatisfying(
            SourceFileException.class,
            e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.FEED_ITEM_REFUSED));
  }

  @Test
  void identifiersThatCouldBeNoFileNameAreNotIdentifiers() {
    assertThat(KoopDownloads.IDENTIFIER.matcher("kv-tk-2020Z13248").matches()).isTrue();
    assertThat(KoopDownloads.IDENTIFIER.matcher("h-tk-20202021-101-5").matches()).isTrue();
    assertThat(KoopDownloads.IDENTIFIER.matcher("../etc/passwd").matches()).isFalse();
    assertThat(KoopDownloads.IDENTIFIER.matcher("kst-1/../../x").matches()).isFalse();
    assertThat(KoopDownloads.IDENTIFIER.matcher("kst").matches()).isFalse();
  }

  @Test
  void theVersionOfARecordIsItsTimestampOrItsDay() {
    assertThat(KoopDownloads.versionMillis("2021-07-22T13:04:47.7162+02:00"))
        .isEqualTo(1626951887716L);
    assertThat(KoopDownloads.versionMillis("2014-07-11")).isEqualTo(1405029600000L);
    assertThat(KoopDownloads.versionMillis("")).isZero();
  }
}
