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
  void aSmallBatchIsRefreshedAtOnceAndALargeOrEmptyOneIsLeftToTheInterval() {
    assertThat(refresh.due(0)).isFalse();
    assertThat(refresh.due(11)).as("a burst").isFalse();
    assertThat(refresh.due(1)).isTrue();
    advance(SmallBatchRefresh.MIN_GAP.toMillis());
    assertThat(refresh.due(10)).isTrue();
  }

  @Test
  void refreshesAreAtLeastTheGapApart() {
    assertThat(refresh.due(1)).isTrue();
    advance(SmallBatchRefresh.MIN_GAP.toMillis() - 1);
    assertThat(refresh.due(1)).isFalse();
    advance(1);
    assertThat(refresh.due(1)).isTrue();
  }

  @Test
  void zeroMeansNever() {
    SmallBatchRefresh never = new SmallBatchRefresh(null, List.of("a"), 0, now::get);

    assertThat(never.due(1)).isFalse();
    assertThat(SmallBatchRefresh.NEVER.due(1)).isFalse();
  }

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }
}
