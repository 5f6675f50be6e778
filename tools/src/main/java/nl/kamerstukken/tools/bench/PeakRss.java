package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

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

  /**
   * CPU seconds used so far by one process (children apart), in all and by its JIT compiler
   * threads.
   *
   * @param total user + system time of all its threads, including threads that ended
   * @param jit the part of {@code total} spent in HotSpot's C1 and C2 compiler threads that are
   *     still running: HotSpot stops compiler threads it no longer needs, and their time leaves the
   *     sum, so this is a lower bound
   */
  record Cpu(double total, double jit) {

    static final Cpu ZERO = new Cpu(0, 0);
    static final Cpu UNKNOWN = new Cpu(-1, -1);

    Cpu plus(Cpu other) {
      return new Cpu(total + other.total, jit + other.jit);
    }

    Cpu minus(Cpu before) {
      return new Cpu(total - before.total, jit - before.jit);
    }

    /** What {@code spent} adds up to: e.g. all processes' CPU in one part of a round. */
    static Cpu sum(Collection<Cpu> spent) {
      return spent.stream().reduce(ZERO, Cpu::plus);
    }
  }

  /**
   * The CPU time of {@code pid} so far, or {@link Cpu#UNKNOWN} if it cannot be read (process gone).
   */
  static Cpu cpu(long pid) {
    double total = cpuSeconds(Path.of("/proc", String.valueOf(pid), "stat"));
    if (total < 0) {
      return Cpu.UNKNOWN;
    }
    double jit = 0;
    try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path thread : threads.toList()) {
        String name = Files.readString(thread.resolve("comm")).trim();
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
          jit += Math.max(0, cpuSeconds(thread.resolve("stat")));
        }
      }
    } catch (IOException e) {
      return new Cpu(total, -1);
    }
    return new Cpu(total, jit);
  }

  /** User + system seconds from a {@code /proc/.../stat} file; -1 if unreadable. */
  private static double cpuSeconds(Path stat) {
    try {
      String line = Files.readString(stat);
      // Fields after the command name (which may hold spaces) start after the last ')'.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
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
