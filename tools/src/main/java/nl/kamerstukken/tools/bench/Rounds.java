package nl.kamerstukken.tools.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One figure measured once per round of the benchmark: its median, shown with the value of each
 * round in the order they ran, so one noisy round is visible and does not decide.
 *
 * @param values the value of each round, in round order
 */
record Rounds(List<Double> values) {

  Rounds {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one round");
    }
  }

  /** The middle value; with an even count, the mean of the two middle values. */
  double median() {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /**
   * The median in {@code format} (e.g. {@code "%.1f"}), then each round's value in brackets: {@code
   * 24.1 (23.0 / 24.1 / 26.3)}; one round alone is just its value.
   */
  String format(String format) {
    return format(format, "");
  }

  /** As {@link #format(String)}, with {@code unit} after the median: {@code 1025 ms (...)}. */
  String format(String format, String unit) {
    String median =
        String.format(Locale.ROOT, format, median()) + (unit.isEmpty() ? "" : " " + unit);
    if (values.size() == 1) {
      return median;
    }
    return median
        + values.stream()
            .map(value -> String.format(Locale.ROOT, format, value))
            .collect(Collectors.joining(" / ", " (", ")"));
  }
}
