package nl.kamerstukken.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @RepeatedTest(20)
  void delayGrowsExponentiallyWithinItsJitterBand() {
    assertThat(backoff.delay(1).toMillis()).isBetween(50L, 100L);
    assertThat(backoff.delay(3).toMillis()).isBetween(200L, 400L);
    assertThat(backoff.delay(5).toMillis()).isBetween(800L, 1600L);
  }

  @RepeatedTest(20)
  void delayNeverExceedsTheCapEvenAfterManyAttempts() {
    assertThat(backoff.delay(1000).toMillis()).isBetween(2500L, 5000L);
  }

  @Test
  void jitterSpreadsRetriesOfManyInstances() {
    long distinct =
        java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(6)).distinct().count();

    assertThat(distinct).isGreaterThan(10);
  }
}
