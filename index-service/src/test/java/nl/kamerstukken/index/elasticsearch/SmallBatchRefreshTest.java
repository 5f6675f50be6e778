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
    assertThat(batch(0, 0)).isFalse();
    advance(quiet());
    assertThat(batch(11, 0)).as("a large batch").isFalse();
    advance(quiet());
    assertThat(batch(1, 0)).isTrue();
    advance(quiet());
    assertThat(batch(10, 0)).isTrue();
  }

  @Test
  void batchesInASteadyFlowAreLeftToTheIntervalHoweverLongEachTakes() {
    assertThat(batch(1, 0)).as("the first batch").isTrue();
    for (int i = 0; i < 20; i++) {
      advance(quiet() - 1);
      assertThat(batch(1, 2 * quiet())).as("batch %d of a burst, each slow", i).isFalse();
    }
    advance(quiet());
    assertThat(batch(1, 0)).as("after the burst").isTrue();
  }

  @Test
  void zeroMeansNever() {
    SmallBatchRefresh never = new SmallBatchRefresh(null, List.of("a"), 0, now::get);

    never.starting();
    assertThat(never.due(1)).isFalse();
    SmallBatchRefresh.NEVER.starting();
    assertThat(SmallBatchRefresh.NEVER.due(1)).isFalse();
  }

  /** A batch that starts now, takes {@code millis} and writes {@code documents}: refreshed? */
  private boolean batch(int documents, long millis) {
    refresh.starting();
    advance(millis);
    return refresh.due(documents);
  }

  private static long quiet() {
    return SmallBatchRefresh.QUIET.toMillis();
  }

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }
}
