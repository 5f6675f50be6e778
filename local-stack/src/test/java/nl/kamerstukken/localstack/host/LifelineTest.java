package nl.kamerstukken.localstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipe is cut here as the kernel cuts it when the JVM dies (both close its writing end), so
 * these tests show what a {@code kill -9} of the parent leads to; pipeline-tests' UpCrashIT kills
 * the real launcher.
 */
class LifelineTest {

  private static final Duration STOPPED = Lifeline.GRACE.plusSeconds(3);

  @Test
  void aChildAndItsChildrenStopWhenTheLifelineIsCut() throws IOException {
    // Given a child with two grandchildren, tied to this JVM
    Process child = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300 & wait").start();
    Lifeline lifeline = Lifeline.of("tree", child.toHandle());
    await().atMost(Duration.ofSeconds(10)).until(() -> child.descendants().count() == 2);
    List<ProcessHandle> grandchildren = child.descendants().toList();

    // When the lifeline is cut (this JVM gone)
    lifeline.cut();

    // Then the child and its children end within the grace period
    await().atMost(STOPPED).until(() -> !child.isAlive());
    await().atMost(STOPPED).until(() -> grandchildren.stream().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void aChildIgnoringSigtermIsKilledAfterTheGracePeriod() throws IOException {
    // Given a child that ignores SIGTERM
    Process child =
        new ProcessBuilder("sh", "-c", "trap '' TERM; while :; do sleep 1; done").start();
    Lifeline lifeline = Lifeline.of("stubborn", child.toHandle());

    // When the lifeline is cut
    lifeline.cut();

    // Then it is killed after the grace period
    await().atMost(STOPPED).until(() -> !child.isAlive());
  }

  @Test
  void aLifelineWhoseChildEndedStopsNothing() throws Exception {
    // Given a child that ended by itself, and an unrelated process
    Process child = new ProcessBuilder("true").start();
    Lifeline lifeline = Lifeline.of("done", child.toHandle());
    child.waitFor();
    Process bystander = new ProcessBuilder("sleep", "300").start();
    ProcessHandle watcher = ProcessHandle.of(lifeline.pid()).orElseThrow();
    try {
      // When the lifeline is cut
      lifeline.cut();

      // Then its watcher exits and the bystander runs on
      await().atMost(Duration.ofSeconds(5)).until(() -> !watcher.isAlive());
      assertThat(bystander.isAlive()).isTrue();
    } finally {
      bystander.destroyForcibly();
    }
  }
}
