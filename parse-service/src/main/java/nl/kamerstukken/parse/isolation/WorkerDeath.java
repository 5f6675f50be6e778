package nl.kamerstukken.parse.isolation;

import java.util.List;
import java.util.Locale;
import nl.kamerstukken.model.ReasonCode;

/**
 * Why a parse worker died, from its exit code and last output: out of memory, or a crash of some
 * kind.
 */
final class WorkerDeath {

  /** The exit code of a JVM run with {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int EXIT_OUT_OF_MEMORY = 3;

  private WorkerDeath() {}

  static ReasonCode reasonCode(Exchange.Died death) {
    boolean outOfMemory =
        death.exitCode() == EXIT_OUT_OF_MEMORY
            || death.stderr().stream()
                .anyMatch(line -> line.contains("java.lang.OutOfMemoryError"));
    return outOfMemory ? ReasonCode.OUT_OF_MEMORY : ReasonCode.PARSER_CRASHED;
  }

  /** For the dead letter: what happened, in words an operator can act on. */
  static String describe(Exchange.Died death, String fileName, String heap) {
    if (ReasonCode.OUT_OF_MEMORY.equals(reasonCode(death))) {
      return "parsing "
          + fileName
          + " needed more than the parse worker's "
          + heap
          + " heap (PARSE_WORKER_HEAP); the"
          + " worker was restarted. Raise PARSE_WORKER_HEAP or split the document";
    }
    String how = crashedNatively(death.stderr()) ? "the JVM crashed natively, " : "";
    return "the parse worker died while parsing "
        + fileName
        + " ("
        + how
        + exit(death.exitCode())
        + detail(death.stderr())
        + "); it was restarted. Please report this with the file";
  }

  /** HotSpot's fatal-error banner (a crash in native code, e.g. a SIGSEGV in a library). */
  private static boolean crashedNatively(List<String> stderr) {
    return stderr.stream()
        .anyMatch(line -> line.contains("A fatal error has been detected by the Java Runtime"));
  }

  private static String exit(int code) {
    if (code > 128) {
      int signal = code - 128;
      String what =
          switch (signal) {
            case 6 -> "SIGABRT: the JVM crashed natively";
            case 9 -> "SIGKILL: killed from outside, perhaps by the kernel for lack of memory";
            case 11 -> "SIGSEGV";
            default -> "signal " + signal;
          };
      return "exit code " + code + ", " + what;
    }
    return code == ParseWorkerMain.EXIT_BROKEN
        ? "exit code " + code + " after a stack overflow"
        : "exit code " + code;
  }

  /** The most telling line of the worker's last output: a fatal-error banner or an exception. */
  private static String detail(List<String> stderr) {
    for (String marker :
        List.of("SIGSEGV", "SIGBUS", "SIGILL", "Problematic frame", "Error", "Exception")) {
      for (String line : stderr) {
        if (line.toUpperCase(Locale.ROOT).contains(marker.toUpperCase(Locale.ROOT))) {
          return "; " + line.replaceFirst("^#\\s*", "").strip();
        }
      }
    }
    return "";
  }
}
