package nl.kamerstukken.index.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.Kamervraag;
import org.junit.jupiter.api.Test;

class KamervraagStatsTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

  @Test
  void perMinistryTheMedianDaysTheShareWithinTheTermAndWhatIsOverdueToday() {
    List<Kamervraag> cases =
        List.of(
            answered("Financiën", LocalDate.of(2024, 1, 1), 10),
            answered("Financiën", LocalDate.of(2024, 1, 1), 30),
            answered("Financiën", LocalDate.of(2024, 1, 1), 40),
            open("Financiën", LocalDate.of(2024, 5, 1), false),
            open("Financiën", LocalDate.of(2024, 5, 1), true),
            open("Financiën", LocalDate.of(2024, 5, 30), false),
            answered("Defensie", LocalDate.of(2024, 1, 1), 21));

    KamervraagStats stats = KamervraagStats.of(cases, TODAY, false);

    KamervraagStats.Row financien = stats.ministries().get(0);
    assertThat(financien.ministry()).isEqualTo("Financiën");
    assertThat(financien.cases()).isEqualTo(6);
    assertThat(financien.answered()).isEqualTo(3);
    assertThat(financien.medianDaysToAnswer()).isEqualTo(30.0);
    assertThat(financien.answeredWithinTerm()).isEqualTo(1);
    // the term is over for the 3 answered and the 2 open ones submitted on 1 May
    assertThat(financien.shareWithinTerm()).isEqualTo(1.0 / 5);
    // answered after 30 and 40 days, and open past its due date without a postponement in time
    assertThat(financien.overdueNow()).isEqualTo(3);
    assertThat(stats.ministries().get(1).shareWithinTerm()).isEqualTo(1.0);
  }

  @Test
  void theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
    assertThat(KamervraagStats.median(List.of(4, 1, 10, 8))).isEqualTo(6.0);
    assertThat(KamervraagStats.median(List.of())).isNull();
  }

  @Test
  void theOverdueFilterJudgesUnansweredCasesByTodayInTheQuery() {
    String body =
        KamervraagRequest.body(new KamervraagQuery("open", true, "Financiën", "VVD", 20, 0), TODAY)
            .toString();

    assertThat(body)
        .contains("{\"term\":{\"status\":\"open\"}}")
        .contains("{\"term\":{\"parties\":\"VVD\"}}")
        .contains("{\"match_phrase\":{\"ministry.text\":\"Financiën\"}}")
        .contains("{\"range\":{\"dueDate\":{\"lt\":\"2024-06-01\"}}}")
        .contains("{\"term\":{\"postponedInTime\":false}}");
  }

  private static Kamervraag answered(String ministry, LocalDate submitted, int days) {
    LocalDate due = submitted.plusDays(21);
    LocalDate answered = submitted.plusDays(days);
    return kamervraag(
        ministry,
        submitted,
        answered,
        Kamervraag.Status.ANSWERED,
        false,
        Kamervraag.overdue(due, answered, false, TODAY));
  }

  private static Kamervraag open(String ministry, LocalDate submitted, boolean postponedInTime) {
    return kamervraag(
        ministry,
        submitted,
        null,
        postponedInTime ? Kamervraag.Status.POSTPONED : Kamervraag.Status.OPEN,
        postponedInTime,
        false);
  }

  private static Kamervraag kamervraag(
      String ministry,
      LocalDate submitted,
      LocalDate answered,
      Kamervraag.Status status,
      boolean postponedInTime,
      boolean overdue) {
    return new Kamervraag(
        ministry + submitted + answered,
        List.of(),
        List.of("Jansen"),
        List.of("VVD"),
        List.of("minister van " + ministry),
        ministry,
        "onderwerp",
        "2023-2024",
        submitted,
        submitted.plusDays(21),
        List.of(),
        answered,
        List.of(),
        answered == null ? null : (int) (answered.toEpochDay() - submitted.toEpochDay()),
        status,
        postponedInTime,
        overdue,
        TODAY,
        List.of(new Kamervraag.CaseDocument("kv-1", Kamervraag.Role.QUESTION, submitted, null)),
        List.of());
  }
}
