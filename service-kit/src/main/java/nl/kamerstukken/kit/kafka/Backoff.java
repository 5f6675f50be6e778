package nl.kamerstukken.kit.kafka;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt n waits a random time in [base*2^(n-1)/2,
 * base*2^(n-1)], capped at {@code max}, so many instances retrying at once spread out.
 *
 * @param base wait before the first retry
 * @param max the longest wait
 */
public record Backoff(Duration base, Duration max) {

  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  /** The wait before retry number {@code attempt} (1 = the first retry). */
  public Duration delay(int attempt) {
    int exponent = Math.min(Math.max(attempt - 1, 0), 20);
    long ceiling = Math.min(max.toMillis(), base.toMillis() << exponent);
    long floor = ceiling / 2;
    return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
  }
}
