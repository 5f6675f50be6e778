package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmallBatchRefreshTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final SmallBatchRefresh refresh =
      new SmallBatchRefresh(null, List.of("a", "b"), 10, now::get);

  @Test
  void aSmallBatchAfterAQuietSpellIsRefreshedAtOnceAndALargeOrEmptyOneIsLeftToTheInterval() {
    assertThat(refresh.due(0)).isFalse();
    advance(quiet());
    assertThat(refresh.due(11)).as("a large batch").isFalse();
    advance(quiet());
    assertThat(refresh.due(1)).isTrue();
    advance(quiet());
    assertThat(refresh.due(10)).isTrue();
  }

  @Test
  void batchesInASteadyFlowAreLeftToTheInterval() {
    assertThat(refresh.due(1)).as("the first batch").isTrue();
    for (int i = 0; i < 20; i++) {
      advance(quiet() - 1);
      assertThat(refresh.due(1)).as("batch %d of a burst", i).isFalse();
    }
    advance(quiet());
    assertThat(refresh.due(1)).as("after the burst").isTrue();
  }

  @Test
  void zeroMeansNever() {
    SmallBatchRefresh never = new SmallBatchRefresh(null, List.of("a"), 0, now::get);

    assertThat(never.due(1)).isFalse();
    assertThat(SmallBatchRefresh.NEVER.due(1)).isFalse();
  }

  private static long quiet() {
    return SmallBatchRefresh.QUIET.toMillis();
  }

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }
}
