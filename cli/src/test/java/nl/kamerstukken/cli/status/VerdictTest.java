package nl.kamerstukken.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When status calls work stuck: waiting work that did not move, or a service that is not ready. */
class VerdictTest {

  private static final List<ServiceHealth.Health> ALL_UP =
      List.of(
          new ServiceHealth.Health("parse-service", "http://x/health", ServiceHealth.State.UP, ""));

  @Test
  void nothingWaitingIsNotStuck() {
    KafkaProgress.Snapshot idle = snapshot(100, 0);

    assertThat(Verdict.judge(idle, idle, ALL_UP).stuck()).isFalse();
  }

  @Test
  void waitingWorkThatMovesIsNotStuck() {
    assertThat(Verdict.judge(snapshot(100, 20), snapshot(110, 15), ALL_UP).stuck()).isFalse();
  }

  @Test
  void waitingWorkThatDoesNotMoveIsStuckAndSaysWho() {
    Verdict.Result result = Verdict.judge(snapshot(100, 20), snapshot(100, 25), ALL_UP);

    assertThat(result.stuck()).isTrue();
    assertThat(result.reasons())
        .containsExactly("index-service: 25 event(s) waiting and none finished during the window");
  }

  @Test
  void aServiceThatIsNotReadyIsStuckEvenWithoutLag() {
    List<ServiceHealth.Health> down =
        List.of(
            new ServiceHealth.Health(
                "index-service",
                "http://x/health",
                ServiceHealth.State.DOWN,
                "elasticsearch: unreachable"));

    Verdict.Result result = Verdict.judge(null, snapshot(100, 0), down);

    assertThat(result.stuck()).isTrue();
    assertThat(result.reasons())
        .containsExactly("index-service is not ready: elasticsearch: unreachable");
  }

  @Test
  void aServiceThatIsNotRunningWithNothingToDoIsNotStuck() {
    List<ServiceHealth.Health> gone =
        List.of(
            new ServiceHealth.Health(
                "ingest-service",
                "http://x/health",
                ServiceHealth.State.UNREACHABLE,
                "not running?"));

    assertThat(Verdict.judge(null, snapshot(100, 0), gone).stuck()).isFalse();
  }

  @Test
  void windowsAreWrittenAsTheServicesWriteDurations() {
    assertThat(StatusCommand.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(StatusCommand.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(StatusCommand.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(StatusCommand.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
    assertThat(StatusCommand.parse("0s")).isZero();
  }

  private static KafkaProgress.Snapshot snapshot(long indexCommitted, long indexLag) {
    return new KafkaProgress.Snapshot(
        Map.of(), Map.of("index-service", indexCommitted), Map.of("index-service", indexLag));
  }
}
