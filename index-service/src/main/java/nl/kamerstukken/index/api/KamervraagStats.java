package nl.kamerstukken.index.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.kamerstukken.model.Kamervraag;

/**
 * How each ministry answers written questions.
 *
 * @param today the day "overdue now" was judged for
 * @param truncated whether there were more cases than were read (more than 10,000)
 * @param ministries one row per ministry (cases without a ministry under "(onbekend)"), most cases
 *     first
 */
public record KamervraagStats(LocalDate today, boolean truncated, List<Row> ministries) {

  static final String UNKNOWN = "(onbekend)";

  public KamervraagStats {
    ministries = List.copyOf(ministries);
  }

  /**
   * @param ministry the ministry
   * @param cases its cases
   * @param answered of those, answered
   * @param medianDaysToAnswer median days from submitted to answered (answered cases with both
   *     dates), null when none
   * @param answeredWithinTerm answered within {@value Kamervraag#ANSWER_TERM_DAYS} days
   * @param shareWithinTerm {@code answeredWithinTerm} over the cases whose term is over (answered,
   *     or unanswered past their due date), null when none
   * @param overdueNow overdue as of today
   */
  public record Row(
      String ministry,
      int cases,
      int answered,
      Double medianDaysToAnswer,
      int answeredWithinTerm,
      Double shareWithinTerm,
      int overdueNow) {}

  static KamervraagStats of(List<Kamervraag> cases, LocalDate today, boolean truncated) {
    Map<String, List<Kamervraag>> byMinistry = new TreeMap<>();
    for (Kamervraag c : cases) {
      byMinistry
          .computeIfAbsent(c.ministry() == null ? UNKNOWN : c.ministry(), m -> new ArrayList<>())
          .add(c);
    }
    List<Row> rows = new ArrayList<>();
    byMinistry.forEach((ministry, list) -> rows.add(row(ministry, list, today)));
    rows.sort(Comparator.comparingInt(Row::cases).reversed().thenComparing(Row::ministry));
    return new KamervraagStats(today, truncated, rows);
  }

  private static Row row(String ministry, List<Kamervraag> cases, LocalDate today) {
    List<Integer> days = new ArrayList<>();
    int answered = 0;
    int withinTerm = 0;
    int termOver = 0;
    int overdue = 0;
    for (Kamervraag c : cases) {
      boolean isAnswered = c.status() == Kamervraag.Status.ANSWERED;
      answered += isAnswered ? 1 : 0;
      if (isAnswered && c.daysToAnswer() != null) {
        days.add(c.daysToAnswer());
        withinTerm += c.daysToAnswer() <= Kamervraag.ANSWER_TERM_DAYS ? 1 : 0;
      }
      if (isAnswered || (c.dueDate() != null && c.dueDate().isBefore(today))) {
        termOver++;
      }
      overdue += c.overdueOn(today) ? 1 : 0;
    }
    return new Row(
        ministry,
        cases.size(),
        answered,
        median(days),
        withinTerm,
        termOver == 0 ? null : (double) withinTerm / termOver,
        overdue);
  }

  static Double median(List<Integer> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
  }
}
