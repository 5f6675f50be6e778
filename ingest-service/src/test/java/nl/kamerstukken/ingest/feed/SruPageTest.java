package nl.kamerstukken.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamerstukken.localstack.junit.TestCorpus;
import org.junit.jupiter.api.Test;

class SruPageTest {

  @Test
  void theRecordedPageGivesItsRecordsTheirManifestationsAndTheNextPosition() throws Exception {
    // Given the recorded page of ../shared/feeds/koop-sru
    Path feeds = RecordedRepository.feeds(TestCorpus.require());
    byte[] bytes =
        Files.readAllBytes(feeds.resolve("koop-sru").resolve(RecordedRepository.RECORDED_PAGE));

    // When it is read
    SruPage page = SruPage.parse(bytes);

    // Then it has what the page says (README of shared/feeds)
    assertThat(page.numberOfRecords()).isEqualTo(76);
    assertThat(page.nextRecordPosition()).isEqualTo(11);
    assertThat(page.echoedStartRecord()).isEqualTo(1);
    assertThat(page.echoedQuery()).endsWith("and dt.modified==\"2021-10-13\"");
    assertThat(page.diagnostics()).isEmpty();
    assertThat(page.records())
        .extracting(SruRecord::identifier)
        .containsExactly(
            "blg-998035",
            "h-ek-20212022-2-7",
            "h-tk-20202021-101-5",
            "blg-1000226",
            "blg-998029",
            "kst-22112-3185",
            "blg-999984",
            "blg-1000150",
            "h-tk-20202021-100-4",
            "h-ek-20212022-2-1");
    SruRecord kamerstuk = page.records().get(5);
    assertThat(kamerstuk.itemUrls()).containsKeys("xml", "metadata", "pdf", "html", "odt");
    assertThat(kamerstuk.itemUrls().get("pdf")).endsWith("/kst-22112-3185.pdf");
    assertThat(kamerstuk.version()).startsWith("2021-10-1");
    assertThat(page.records().get(0).itemUrls()).doesNotContainKey("xml");
  }

  @Test
  void aLastPageHasNoNextPosition() throws Exception {
    SruPage page = SruPage.parse(Files.readAllBytes(TestCorpus.file("oep-sru.xml")));

    // (the page says 3 records, an estimate, and holds 5)
    assertThat(page.nextRecordPosition()).isZero();
    assertThat(page.numberOfRecords()).isEqualTo(3);
    assertThat(page.records()).hasSize(5);
  }

  @Test
  void aDoctypeIsRefusedSoNoEntityIsEverResolved() {
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<sru:searchRetrieveResponse xmlns:sru=\""
            + SruPage.SRU
            + "\">"
            + "<sru:numberOfRecords>&x;</sru:numberOfRecords></sru:searchRetrieveResponse>";

    assertThatThrownBy(() -> SruPage.parse(hostile.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void aDiagnosticIsReadAndAnotherDocumentIsNoPage() throws Exception {
    String diagnostic =
        "<sru:searchRetrieveResponse xmlns:sru=\""
            + SruPage.SRU
            + "\" xmlns:diag=\""
            + SruPage.DIAG
            + "\"><sru:numberOfRecords>0</sru:numberOfRecords><sru:diagnostics>"
            + "<diag:diagnostic><diag:message>Query syntax error</diag:message></diag:diagnostic>"
            + "</sru:diagnostics></sru:searchRetrieveResponse>";

    assertThat(SruPage.parse(diagnostic.getBytes(StandardCharsets.UTF_8)).diagnostics())
        .containsExactly("Query syntax error");
    assertThatThrownBy(() -> SruPage.parse("<html/>".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("<html>");
  }
}
