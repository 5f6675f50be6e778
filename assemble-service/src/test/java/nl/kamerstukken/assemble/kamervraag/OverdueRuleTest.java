package nl.kamerstukken.assemble.kamervraag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OverdueRuleTest {

  private static final LocalDate DUE = LocalDate.of(2024, 3, 27);

  @Test
  void anAnswerOnTheDueDateIsInTimeTheDayAfterIsLate() {
    assertThat(CaseAssembler.overdue(DUE, DUE, false, null)).isFalse();
    assertThat(CaseAssembler.overdue(DUE, DUE.plusDays(1), false, null)).isTrue();
  }

  @Test
  void aPostponementOnOrBeforeTheDueDateMakesNothingOverdue() {
    assertThat(CaseAssembler.overdue(DUE, DUE.plusDays(30), true, null)).isFalse();
    assertThat(CaseAssembler.overdue(DUE, null, true, DUE.plusDays(30))).isFalse();
  }

  @Test
  void anUnansweredCaseIsJudgedAgainstToday() {
    assertThat(CaseAssembler.overdue(DUE, null, false, DUE)).isFalse();
    assertThat(CaseAssembler.overdue(DUE, null, false, DUE.plusDays(1))).isTrue();
  }

  @Test
  void withoutASubmittedDateNothingIsOverdue() {
    assertThat(CaseAssembler.overdue(null, LocalDate.of(2030, 1, 1), false, null)).isFalse();
  }
}
