package nl.kamerstukken.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  private static final LocalDate DAY = LocalDate.parse("2021-10-13");

  @TempDir Path state;

  @Test
  void aSavedPositionIsWhereTheNextStartBegins() throws Exception {
    // Given no checkpoint: the configured first day
    assertThat(Checkpoint.load(state, "q", DAY)).isEqualTo(new Checkpoint("q", DAY, 1, null));

    // When a position in a pass is saved
    new Checkpoint("q", DAY, 11, DAY.plusDays(3)).save(state);

    // Then it is loaded, whatever the configured first day is now
    assertThat(Checkpoint.load(state, "q", DAY.minusDays(30)))
        .isEqualTo(new Checkpoint("q", DAY, 11, DAY.plusDays(3)));
    // and another query starts that day again from its first record
    assertThat(Checkpoint.load(state, "other", DAY))
        .isEqualTo(new Checkpoint("other", DAY, 1, null));
  }

  @Test
  void aDayIsDoneOnlyAfterAPassThatBeganWhenItWasOver() {
    assertThat(new Checkpoint("q", DAY, 1, DAY).dayComplete()).isFalse();
    assertThat(new Checkpoint("q", DAY, 1, null).dayComplete()).isFalse();
    assertThat(new Checkpoint("q", DAY, 1, DAY.plusDays(1)).dayComplete()).isTrue();
    assertThat(new Checkpoint("q", DAY, 21, DAY.plusDays(1)).nextDay())
        .isEqualTo(new Checkpoint("q", DAY.plusDays(1), 1, null));
  }
}
