package nl.kamerstukken.ingest.source;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * One event read from an inotify descriptor.
 *
 * @param wd the watch it belongs to (-1 for {@code IN_Q_OVERFLOW})
 * @param mask what happened ({@code Inotify.IN_*}), with {@code IN_ISDIR} when about a folder
 * @param name the entry in the watched folder; empty for an event about the folder itself
 */
record InotifyEvent(int wd, int mask, String name) {

  /** Size of the fixed part of {@code struct inotify_event}. */
  static final int HEADER = 16;

  boolean is(int flags) {
    return (mask & flags) != 0;
  }

  /**
   * Decodes what one {@code read(2)} returned: whole events, one after the other, in the machine's
   * byte order. Each is a {@code struct inotify_event}:
   *
   * <pre>
   * offset  type      field
   *      0  int       wd      watch descriptor
   *      4  uint32_t  mask    IN_* bits
   *      8  uint32_t  cookie  pairs IN_MOVED_FROM with IN_MOVED_TO (not used here)
   *     12  uint32_t  len     bytes of name, including its terminating NUL and NUL padding; 0 = none
   *     16  char[len] name    the entry's name, NUL-terminated
   * </pre>
   *
   * The next event starts at {@code 16 + len}.
   *
   * @param names how file names are encoded (Java's file name encoding)
   */
  static List<InotifyEvent> parse(ByteBuffer buffer, Charset names) {
    List<InotifyEvent> events = new ArrayList<>();
    while (buffer.remaining() >= HEADER) {
      int wd = buffer.getInt();
      int mask = buffer.getInt();
      buffer.getInt(); // cookie
      int len = buffer.getInt();
      if (len < 0 || len > buffer.remaining()) {
        throw new IllegalStateException(
            "an inotify event claims a name of " + len + " bytes; " + buffer.remaining() + " left");
      }
      byte[] name = new byte[len];
      buffer.get(name);
      int end = 0;
      while (end < len && name[end] != 0) {
        end++;
      }
      events.add(new InotifyEvent(wd, mask, new String(name, 0, end, names)));
    }
    return events;
  }
}
