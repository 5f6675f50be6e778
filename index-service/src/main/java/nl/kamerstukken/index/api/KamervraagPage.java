package nl.kamerstukken.index.api;

import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.Kamervraag;

/**
 * One page of cases.
 *
 * @param total how many cases match
 * @param today the day {@code overdue} was judged for
 * @param cases this page's cases
 */
public record KamervraagPage(long total, LocalDate today, List<Kamervraag> cases) {

  public KamervraagPage {
    cases = List.copyOf(cases);
  }
}
