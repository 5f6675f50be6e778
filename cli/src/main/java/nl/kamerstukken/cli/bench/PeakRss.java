package nl.kamerstukken.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set size (VmHWM) and CPU time of processes, from Linux's {@code /proc}. */
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

  /** CPU seconds (user + system) used so far by {@code pid} itself, children apart; -1 if unreadable. */
  static double ownCpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // Fields after the command name (which may hold spaces) start after the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Peak RSS in MB of this JVM. */
  static long self() {
    return megabytes(ProcessHandle.current().pid());
  }
}
