package nl.kamerstukken.ingest.source;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * One Linux inotify instance: the few libc calls it takes, direct-mapped through JNA. The
 * descriptor is non-blocking; waiting is done with {@code poll(2)} and a timeout, so whoever reads
 * can stop between two waits. Not thread-safe.
 *
 * <p>The flag and errno values are those of asm-generic, which x86, ARM, RISC-V, PowerPC, s390 and
 * LoongArch share; on other architectures (MIPS, SPARC, Alpha, PA-RISC) {@link #open} refuses.
 */
final class Inotify implements Closeable {

  static final int IN_MODIFY = 0x2;
  static final int IN_ATTRIB = 0x4;
  static final int IN_CLOSE_WRITE = 0x8;
  static final int IN_MOVED_FROM = 0x40;
  static final int IN_MOVED_TO = 0x80;
  static final int IN_CREATE = 0x100;
  static final int IN_DELETE = 0x200;
  static final int IN_Q_OVERFLOW = 0x4000;
  static final int IN_IGNORED = 0x8000;
  static final int IN_ONLYDIR = 0x0100_0000;
  static final int IN_DONT_FOLLOW = 0x0200_0000;
  static final int IN_ISDIR = 0x4000_0000;

  private static final int IN_NONBLOCK = 0x800; // O_NONBLOCK
  private static final int IN_CLOEXEC = 0x8_0000; // O_CLOEXEC
  private static final short POLLIN = 0x1;
  private static final int ENOENT = 2;
  private static final int EINTR = 4;
  private static final int EAGAIN = 11;
  private static final int ENOTDIR = 20;
  private static final int ENOSPC = 28;

  private static final Set<String> GENERIC_ARCHS =
      Set.of(
          "x86", "x86-64", "arm", "armel", "aarch64", "riscv64", "ppc64le", "s390x", "loongarch64");

  /** The libc functions, registered when first used: a failure to load shows as a LinkageError. */
  private static final class Libc {

    static {
      Native.register(Platform.C_LIBRARY_NAME);
    }

    static native int inotify_init1(int flags) throws LastErrorException;

    static native int inotify_add_watch(int fd, byte[] pathname, int mask)
        throws LastErrorException;

    static native int inotify_rm_watch(int fd, int wd) throws LastErrorException;

    /** {@code fds} is one {@code struct pollfd {int fd; short events; short revents;}}. */
    static native int poll(Pointer fds, NativeLong nfds, int timeout) throws LastErrorException;

    static native NativeLong read(int fd, Pointer buf, NativeLong count) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
  }

  /** How Java encodes file names for the kernel (and decodes them back), e.g. UTF-8. */
  static final Charset FILE_NAMES = fileNameCharset();

  private final int fd;
  private final Memory pollFd = new Memory(8);

  private Inotify(int fd) {
    this.fd = fd;
    pollFd.setInt(0, fd);
    pollFd.setShort(4, POLLIN);
  }

  /**
   * A new instance.
   *
   * @throws IOException saying why inotify cannot be used here: not Linux, an architecture whose
   *     flags differ, JNA's native part cannot load, or the kernel refuses (instance limit)
   */
  static Inotify open() throws IOException {
    if (!Platform.isLinux()) {
      throw new IOException("not Linux but " + System.getProperty("os.name"));
    }
    if (!GENERIC_ARCHS.contains(Platform.ARCH)) {
      throw new IOException(
          "the inotify flags of architecture " + Platform.ARCH + " are not known");
    }
    try {
      return new Inotify(Libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    } catch (LastErrorException e) {
      throw new IOException(
          "inotify_init1 failed with errno "
              + e.getErrorCode()
              + " (fs.inotify.max_user_instances?)");
    } catch (LinkageError e) {
      throw new IOException("JNA cannot load its native library: " + e);
    }
  }

  /**
   * Watches the folder {@code folder} (not following a link) for {@code mask}; watching a folder
   * already watched returns its watch descriptor again, with the new mask.
   *
   * @throws NoSuchFileException when it is gone or no folder
   * @throws IOException when the kernel refuses, e.g. past {@code fs.inotify.max_user_watches}
   */
  int addWatch(Path folder, int mask) throws IOException {
    byte[] name = folder.toString().getBytes(FILE_NAMES);
    try {
      return Libc.inotify_add_watch(
          fd, Arrays.copyOf(name, name.length + 1), mask | IN_ONLYDIR | IN_DONT_FOLLOW);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == ENOENT || e.getErrorCode() == ENOTDIR) {
        throw new NoSuchFileException(folder.toString());
      }
      throw new IOException(
          e.getErrorCode() == ENOSPC
              ? "the inotify watch limit is reached"
              : "inotify_add_watch failed with errno " + e.getErrorCode());
    }
  }

  /** Stops a watch; one whose folder is gone has stopped already, which is fine. */
  void removeWatch(int wd) {
    try {
      Libc.inotify_rm_watch(fd, wd);
    } catch (LastErrorException e) {
      // EINVAL: the kernel dropped it already (folder deleted): IN_IGNORED is on its way
    }
  }

  /** Waits up to {@code millis} for events; false on timeout or a signal. */
  boolean awaitEvents(int millis) throws IOException {
    try {
      return Libc.poll(pollFd, new NativeLong(1), millis) > 0;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EINTR) {
        return false;
      }
      throw new IOException("poll on inotify failed with errno " + e.getErrorCode());
    }
  }

  /**
   * Reads the events that are ready into {@code buffer} (at least one event with the longest name
   * must fit: 16 + 256 bytes); empty when none is.
   */
  ByteBuffer read(Memory buffer) throws IOException {
    try {
      long n = Libc.read(fd, buffer, new NativeLong(buffer.size())).longValue();
      return buffer.getByteBuffer(0, n).order(ByteOrder.nativeOrder());
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
        return ByteBuffer.allocate(0);
      }
      throw new IOException("reading inotify events failed with errno " + e.getErrorCode());
    }
  }

  /** Closes the instance, which ends every watch. */
  @Override
  public void close() throws IOException {
    try {
      Libc.close(fd);
    } catch (LastErrorException e) {
      throw new IOException("closing inotify failed with errno " + e.getErrorCode());
    }
  }

  private static Charset fileNameCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }
}
