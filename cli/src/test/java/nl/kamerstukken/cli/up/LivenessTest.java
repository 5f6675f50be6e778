package nl.kamerstukken.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LivenessTest {

  private static final long PID = 4242;
  private static final int PORT = 8084;

  private final List<CompletableFuture<Boolean>> sent = new ArrayList<>();
  private final Liveness liveness =
      new Liveness(
          port -> {
            CompletableFuture<Boolean> probe = new CompletableFuture<>();
            sent.add(probe);
            return probe;
          });
  private Instant now = Instant.parse("2026-12-03T20:00:00Z");

  /** One probe round: the probe goes out and gets {@code answered}; the next turn comes. */
  private void round(boolean answered) {
    int before = sent.size();
    liveness.probe(PID, PORT, now);
    assertThat(sent).as("a probe went out").hasSize(before + 1);
    sent.get(before).complete(answered);
    now = now.plus(Liveness.EVERY);
  }

  /** {@code count} probe rounds that get no answer. */
  private void misses(int count) {
    for (int i = 0; i < count; i++) {
      round(false);
    }
  }

  @Test
  void aServiceThatAnsweredAndThenMissesSixProbesInARowIsHung() {
    round(true);
    for (int i = 1; i < Liveness.MISSES; i++) {
      round(false);
      assertThat(liveness.hung(PID)).as("after %d misses", i).isFalse();
    }
    round(false);

    assertThat(liveness.hung(PID)).isTrue();
  }

  @Test
  void aServiceThatNeverAnsweredIsStillStartingNotHung() {
    misses(Liveness.MISSES * 3);

    assertThat(liveness.hung(PID)).isFalse();
  }

  @Test
  void oneAnswerBetweenMissesStartsTheCountAgain() {
    round(true);
    misses(Liveness.MISSES - 1);
    round(true);
    misses(Liveness.MISSES - 1);

    assertThat(liveness.hung(PID)).isFalse();
  }

  @Test
  void noProbeGoesOutBeforeItsTurnOrWhileTheLastIsUnanswered() {
    liveness.probe(PID, PORT, now);
    liveness.probe(PID, PORT, now.plus(Liveness.EVERY).plus(Liveness.EVERY));
    assertThat(sent).as("the first is still out").hasSize(1);

    sent.get(0).complete(true);
    liveness.probe(PID, PORT, now.plus(Liveness.EVERY).minusMillis(1));
    assertThat(sent).as("not its turn yet").hasSize(1);

    liveness.probe(PID, PORT, now.plus(Liveness.EVERY));
    assertThat(sent).hasSize(2);
  }

  @Test
  void aLongSilenceWithoutMissedProbesIsNoHang() {
    // Given a service that answered, then a machine that slept an hour
    round(true);
    now = now.plusSeconds(3600);

    // When the first probe after waking is answered
    round(true);

    // Then the service is not hung
    assertThat(liveness.hung(PID)).isFalse();
  }

  @Test
  void aProcessThatIsGoneIsForgottenAndItsPidStartsAfresh() {
    round(true);
    misses(Liveness.MISSES);
    assertThat(liveness.hung(PID)).isTrue();

    liveness.keepOnly(Set.of());

    assertThat(liveness.hung(PID)).isFalse();
  }
}
