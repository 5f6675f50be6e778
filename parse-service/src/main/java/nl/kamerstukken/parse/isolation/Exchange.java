package nl.kamerstukken.parse.isolation;

import java.time.Duration;
import java.util.List;

/** How one request to a parse worker ended. */
sealed interface Exchange {

  /** The worker answered. */
  record Replied(WorkerReply reply) implements Exchange {}

  /** The worker did not answer within the budget and was killed. */
  record TimedOut(Duration budget) implements Exchange {}

  /**
   * The worker died while parsing.
   *
   * @param exitCode its exit code (128 + n: ended by signal n)
   * @param stderr its last lines of output
   */
  record Died(int exitCode, List<String> stderr) implements Exchange {
    public Died {
      stderr = List.copyOf(stderr);
    }
  }
}
