package nl.kamerstukken.assemble.topology;

import static nl.kamerstukken.assemble.topology.Files.kamervraag;
import static nl.kamerstukken.assemble.topology.Files.rendition;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamervraag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KamervraagAssemblyTest {

  private static final Instant T0 = Instant.parse("2026-06-16T09:00:00Z");
  private static final LocalDate SUBMITTED = LocalDate.of(2021, 6, 3);
  private static final List<String> ASKERS = List.of("Van Weyenberg", "Romke de Jong", "Kat");

  /** The question document prints its Zaak number; the Mededeling and the answer do not. */
  static final DocumentParsed QUESTION =
      rendition(
          "kv/kv-tk-2021Z09739.pdf",
          "application/pdf",
          T0,
          kamervraag(
              "kv-tk-2021Z09739", "kamervragen", SUBMITTED, null, List.of("2021Z09739"), ASKERS),
          3);

  static final DocumentParsed MEDEDELING =
      rendition(
          "ah/ah-tk-20202021-3100.pdf",
          "application/pdf",
          T0,
          kamervraag(
              "ah-tk-20202021-3100",
              "mededeling",
              SUBMITTED,
              LocalDate.of(2021, 6, 22),
              List.of(),
              ASKERS),
          0);

  static final DocumentParsed ANSWER =
      rendition(
          "ah/ah-tk-20202021-3235.pdf",
          "application/pdf",
          T0,
          kamervraag(
              "ah-tk-20202021-3235",
              "aanhangsel-antwoord",
              SUBMITTED,
              LocalDate.of(2021, 7, 1),
              List.of(),
              ASKERS),
          3);

  static List<List<DocumentParsed>> sixOrders() {
    List<DocumentParsed> docs = List.of(QUESTION, MEDEDELING, ANSWER);
    List<List<DocumentParsed>> orders = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 3; c++) {
          if (a != b && b != c && a != c) {
            orders.add(List.of(docs.get(a), docs.get(b), docs.get(c)));
          }
        }
      }
    }
    return orders;
  }

  @ParameterizedTest(name = "order {index}")
  @MethodSource("sixOrders")
  void givenQuestionMededelingAndAnswerInAnyOrderThenOneCaseWithTheRightStatusAtEachStep(
      List<DocumentParsed> order) {
    try (TopologyRun run = new TopologyRun()) {
      Set<DocumentParsed> present = new LinkedHashSet<>();
      for (DocumentParsed doc : order) {
        run.drop(doc);
        present.add(doc);

        Map<String, Kamervraag> cases = run.cases();
        assertThat(cases).as("after %s", names(present)).hasSize(1);
        Kamervraag theCase = cases.values().iterator().next();
        assertThat(theCase.status()).isEqualTo(expectedStatus(present));
        assertThat(theCase.documents()).hasSize(present.size());
        assertThat(theCase.caseKey())
            .isEqualTo(
                present.contains(QUESTION)
                    ? "2021Z09739"
                    : "2021-06-03-jong-kat-weyenberg-de-tozo");
        assertThat(theCase.submittedDate()).isEqualTo(SUBMITTED);
        assertThat(theCase.dueDate()).isEqualTo(LocalDate.of(2021, 6, 24));
      }
      Kamervraag complete = run.cases().get("2021Z09739");
      assertThat(complete.answeredDate()).isEqualTo(LocalDate.of(2021, 7, 1));
      assertThat(complete.daysToAnswer()).isEqualTo(28);
      assertThat(complete.postponements())
          .containsExactly(
              new Kamervraag.Postponement(LocalDate.of(2021, 6, 22), "ah-tk-20202021-3100"));
      assertThat(complete.postponedInTime()).isTrue();
      assertThat(complete.overdue()).isFalse();
      assertThat(complete.zaakNumbers()).containsExactly("2021Z09739");
      assertThat(complete.ministry()).isEqualTo("Sociale Zaken en Werkgelegenheid");
      assertThat(complete.questions())
          .hasSize(3)
          .allSatisfy(q -> assertThat(q.answer()).contains("antwoord"));

      run.remove(ANSWER);

      Kamervraag postponed = run.cases().get("2021Z09739");
      assertThat(run.cases()).hasSize(1);
      assertThat(postponed.status()).isEqualTo(Kamervraag.Status.POSTPONED);
      assertThat(postponed.answeredDate()).isNull();
      assertThat(postponed.questions()).allSatisfy(q -> assertThat(q.answer()).isNull());
    }
  }

  @Test
  void givenAnAanhangselAloneThenItIsAnAnsweredCase() {
    try (TopologyRun run = new TopologyRun()) {
      run.drop(ANSWER);

      Kamervraag theCase = run.cases().values().iterator().next();
      assertThat(theCase.status()).isEqualTo(Kamervraag.Status.ANSWERED);
      assertThat(theCase.daysToAnswer()).isEqualTo(28);
      assertThat(theCase.overdue())
          .as("answered a week after the due date, not postponed")
          .isTrue();
      assertThat(theCase.documents())
          .extracting(Kamervraag.CaseDocument::role)
          .containsExactly(Kamervraag.Role.ANSWER);
    }
  }

  @Test
  void givenOnlyTheQuestionPastItsDueDateThenTheCaseIsOpenAndOverdueAsOfToday() {
    try (TopologyRun run = new TopologyRun()) {
      run.drop(QUESTION);
      run.drop(
          rendition("inbox/brief.pdf", "application/pdf", T0, Files.identified("kst-35000-1"), 1));

      assertThat(run.cases()).containsOnlyKeys("2021Z09739");
      Kamervraag open = run.cases().get("2021Z09739");
      assertThat(open.status()).isEqualTo(Kamervraag.Status.OPEN);
      assertThat(open.overdue()).isTrue();
      assertThat(open.asOf()).isEqualTo(LocalDate.of(2021, 8, 1));

      run.remove(QUESTION);

      assertThat(run.cases()).isEmpty();
    }
  }

  private static Kamervraag.Status expectedStatus(Set<DocumentParsed> present) {
    return present.contains(ANSWER)
        ? Kamervraag.Status.ANSWERED
        : present.contains(MEDEDELING) ? Kamervraag.Status.POSTPONED : Kamervraag.Status.OPEN;
  }

  private static List<String> names(Set<DocumentParsed> present) {
    return present.stream().map(d -> d.source().fileName()).toList();
  }
}
