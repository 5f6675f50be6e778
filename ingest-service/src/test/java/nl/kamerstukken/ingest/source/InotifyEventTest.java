package nl.kamerstukken.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InotifyEventTest {

  /** One {@code struct inotify_event} as the kernel writes it: name NUL-padded to {@code len}. */
  private static void put(ByteBuffer buffer, int wd, int mask, String name, int len) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    buffer.putInt(wd).putInt(mask).putInt(0).putInt(len);
    buffer.put(bytes).put(new byte[len - bytes.length]);
  }

  @Test
  void readsEveryEventOfABufferWithItsNameUpToTheFirstNul() {
    // Given three events in one read: two with padded names, an overflow without a name
    ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    put(buffer, 1, Inotify.IN_CLOSE_WRITE, "kst-1.pdf", 16);
    put(buffer, 7, Inotify.IN_MOVED_TO | Inotify.IN_ISDIR, "één reünie ✓", 32);
    put(buffer, -1, Inotify.IN_Q_OVERFLOW, "", 0);
    buffer.flip();

    // When parsed
    var events = InotifyEvent.parse(buffer, StandardCharsets.UTF_8);

    // Then each is there with its watch, mask and name
    assertThat(events)
        .containsExactly(
            new InotifyEvent(1, Inotify.IN_CLOSE_WRITE, "kst-1.pdf"),
            new InotifyEvent(7, Inotify.IN_MOVED_TO | Inotify.IN_ISDIR, "één reünie ✓"),
            new InotifyEvent(-1, Inotify.IN_Q_OVERFLOW, ""));
    assertThat(events.get(1).is(Inotify.IN_ISDIR)).isTrue();
    assertThat(events.get(0).is(Inotify.IN_ISDIR | Inotify.IN_MOVED_TO)).isFalse();
  }

  @Test
  void refusesAnEventWhoseNameRunsPastTheBuffer() {
    ByteBuffer buffer = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
    buffer.putInt(1).putInt(Inotify.IN_CREATE).putInt(0).putInt(64).flip();

    assertThatThrownBy(() -> InotifyEvent.parse(buffer, StandardCharsets.UTF_8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("64 bytes");
  }
}
