package nl.kamerstukken.ingest.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system for disk-full tests: a tmpfs mounted on a folder of the test, filled to
 * the last byte by a filler file, and given its space back by deleting it. Mounting needs root (or
 * CAP_SYS_ADMIN); where that is not possible the test is skipped with the reason.
 */
public final class TinyDisk implements AutoCloseable {

  private final Path mountPoint;
  private final Path filler;

  private TinyDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.filler = mountPoint.resolve("filler.bin");
  }

  /** Mounts a tmpfs of {@code size} (e.g. {@code 4m}) on {@code dir} (created), or skips. */
  public static TinyDisk mount(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String problem =
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()));
    assumeTrue(
        problem.isEmpty(),
        "skipped: cannot mount a small tmpfs here to fill it (needs root or CAP_SYS_ADMIN): "
            + problem);
    return new TinyDisk(dir);
  }

  public Path root() {
    return mountPoint;
  }

  /** Takes every free byte (writes until "No space left on device"). */
  public void fill() throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    try (FileChannel out =
        FileChannel.open(
            filler,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      while (true) {
        chunk.clear();
        out.write(chunk);
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
        throw e;
      }
    }
  }

  /** Gives the space back. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (!run(List.of("umount", mountPoint.toString())).isEmpty()) {
      run(List.of("umount", "-l", mountPoint.toString()));
    }
  }

  /** Runs a command; "" when it succeeded, else what it said. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return String.join(" ", command) + " did not finish";
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.exitValue() == 0
        ? ""
        : String.join(" ", command) + " exited " + process.exitValue() + ": " + output.strip();
  }
}
