package nl.kamerstukken.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import nl.kamerstukken.ingest.config.KoopSettings;
import org.junit.jupiter.api.Test;

class SruRequestTest {

  private static final URI SRU = URI.create("https://repository.overheid.nl/sru");

  @Test
  void aQueryWithoutTopLevelOrIsRestrictedToTheDayAsTheRepositoryEchoesIt() {
    // Given the query of the recorded page without its day
    String query =
        "w.organisatietype==\"staten generaal\" and c.product-area==\"officielepublicaties\" and"
            + " ( w.documentstatus==\"Opgemaakt\" or dt.type==\"Bijlage\" )";

    // When it is asked for one day
    SruRequest request = new SruRequest(SRU, query, LocalDate.parse("2021-10-13"), 11, 10);

    // Then the day is appended without parentheses, and the page is in the URL
    assertThat(request.cql()).isEqualTo(query + " and dt.modified==\"2021-10-13\"");
    assertThat(request.uri().toString())
        .startsWith("https://repository.overheid.nl/sru?query=w.organisatietype%3D%3D%22staten%20")
        .endsWith("&startRecord=11&maximumRecords=10")
        .doesNotContain("+", " ");
  }

  @Test
  void aQueryWithTopLevelOrIsParenthesisedBeforeTheDayIsAdded() {
    String query =
        "w.publicatienaam==\"Kamerstuk\" or w.publicatienaam==\"Kamervragen (Aanhangsel)\"";

    String cql = new SruRequest(SRU, query, LocalDate.parse("2026-01-02"), 1, 50).cql();

    assertThat(cql).isEqualTo("( " + query + " ) and dt.modified==\"2026-01-02\"");
  }

  @Test
  void orInsideQuotesOrParenthesesIsNotTopLevel() {
    assertThat(SruRequest.hasTopLevelOr("dt.title==\"vragen or antwoorden\"")).isFalse();
    assertThat(SruRequest.hasTopLevelOr(KoopSettings.DEFAULT_QUERY)).isFalse();
    assertThat(SruRequest.hasTopLevelOr("a==1 OR b==2")).isTrue();
    assertThat(SruRequest.hasTopLevelOr("(a==1) or(b==2)")).isTrue();
    assertThat(SruRequest.hasTopLevelOr("dt.creator==ordner")).isFalse();
  }
}
