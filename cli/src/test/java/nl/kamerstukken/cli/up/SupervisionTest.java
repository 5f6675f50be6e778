package nl.kamerstukken.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SupervisionTest {

  private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

  @Test
  void theBackoffDoublesWithEachCrashUpToThirtySeconds() {
    Supervision middle = new Supervision(() -> 0.5);

    assertThat(middle.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(middle.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(middle.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(middle.backoff(40)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theJitterStaysWithinTwentyPercent() {
    assertThat(new Supervision(() -> 0.0).backoff(3)).isEqualTo(Duration.ofMillis(3200));
    assertThat(new Supervision(() -> 0.999_999).backoff(3)).isEqualTo(Duration.ofMillis(4800));
  }

  @Test
  void aCrashedServiceIsRestartedAfterItsBackoffAndCounted() {
    // Given a service that crashed once
    Supervision supervision = new Supervision(() -> 0.5);
    Supervision.Decision decision = supervision.crashed("parse-service", 137, T0);

    // Then it is restarted one second later, not before
    assertThat(decision.giveUp()).isFalse();
    assertThat(supervision.waiting("parse-service")).isTrue();
    assertThat(supervision.due("parse-service", T0.plusMillis(999))).isFalse();
    assertThat(supervision.due("parse-service", T0.plusSeconds(1))).isTrue();
    supervision.restarted("parse-service");
    assertThat(supervision.waiting("parse-service")).isFalse();
  }

  @Test
  void fiveCrashesWithinTenMinutesGiveUp() {
    Supervision supervision = new Supervision(() -> 0.5);
    for (int i = 0; i < 4; i++) {
      assertThat(supervision.crashed("index-service", 1, T0.plusSeconds(60L * i)).giveUp())
          .isFalse();
      supervision.restarted("index-service");
    }

    Supervision.Decision fifth = supervision.crashed("index-service", 1, T0.plusSeconds(300));

    assertThat(fifth.giveUp()).isTrue();
    assertThat(fifth.crashesInWindow()).isEqualTo(5);
  }

  @Test
  void crashesOlderThanTheWindowAreForgiven() {
    Supervision supervision = new Supervision(() -> 0.5);
    for (int i = 0; i < 4; i++) {
      supervision.crashed("ingest-service", 1, T0.plusSeconds(i));
      supervision.restarted("ingest-service");
    }

    Supervision.Decision later =
        supervision.crashed("ingest-service", 1, T0.plus(Supervision.WINDOW).plusSeconds(2));

    assertThat(later.giveUp()).isFalse();
    assertThat(later.crashesInWindow()).isEqualTo(3);
  }

  @Test
  void eachServiceHasItsOwnCount() {
    Supervision supervision = new Supervision(() -> 0.5);
    for (int i = 0; i < 4; i++) {
      supervision.crashed("ingest-service", 1, T0.plusSeconds(i));
      supervision.restarted("ingest-service");
    }

    assertThat(supervision.crashed("parse-service", 1, T0.plusSeconds(5)).giveUp()).isFalse();
  }
}
