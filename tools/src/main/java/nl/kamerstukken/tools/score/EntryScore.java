package nl.kamerstukken.tools.score;

/**
 * Counts for one kind of entry (questions or answers).
 *
 * @param truth entries in the truth
 * @param found entries the parser produced
 * @param matched truth entries the parser found (numbers equal, text starts and ends as the truth
 *     says)
 */
public record EntryScore(int truth, int found, int matched) {

  public EntryScore plus(EntryScore other) {
    return new EntryScore(truth + other.truth, found + other.found, matched + other.matched);
  }

  /** Matched share of what was found; 1 when nothing was to be found and nothing was found. */
  public double precision() {
    return found == 0 ? (truth == 0 ? 1 : 0) : (double) matched / found;
  }

  /** Matched share of the truth; 1 when the truth is empty and nothing was found. */
  public double recall() {
    return truth == 0 ? (found == 0 ? 1 : 0) : (double) matched / truth;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
