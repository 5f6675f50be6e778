package nl.kamerstukken.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set size of a process, from Linux's {@code /proc/<pid>/status} (VmHWM). */
final class PeakRss {

  private PeakRss() {}

  /** Peak RSS in MB of {@code pid}, or -1 when it cannot be read (process gone, not Linux). */
  static long megabytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Peak RSS in MB of this JVM. */
  static long self() {
    return megabytes(ProcessHandle.current().pid());
  }
}
