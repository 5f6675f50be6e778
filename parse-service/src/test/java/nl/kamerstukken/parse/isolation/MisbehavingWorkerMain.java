package nl.kamerstukken.parse.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.api.ParseOutcome;

/**
 * A parse worker for tests: the real worker loop ({@link ParseWorkerMain#run}) around a parser that
 * does what the file says: {@code hang}, {@code oom} (fills the heap), {@code segv} (a native
 * crash), {@code soe} (a stack overflow), {@code exit} (exits with 42); anything else is answered
 * as a failed outcome whose message is the file's content, so a test can tell that the worker
 * answered.
 */
public final class MisbehavingWorkerMain {

  private MisbehavingWorkerMain() {}

  public static void main(String[] args) throws IOException {
    ParseWorkerMain.run(Misbehaving::new, Integer.parseInt(args[1]), Duration.ZERO);
  }

  static final class Misbehaving implements DocumentParser {
    private final List<long[]> hoard = new ArrayList<>();

    @Override
    public ParseOutcome parse(Path file, SourceFile source, Instant receivedAt) {
      String behaviour = read(file);
      switch (behaviour) {
        case "hang" -> hang();
        case "hang-marked" -> {
          mark(file);
          hang();
        }
        case "oom" -> {
          while (true) {
            hoard.add(new long[1 << 20]);
          }
        }
        case "segv" -> crashNatively();
        case "soe" -> recurse(1);
        case "exit" -> System.exit(42);
        default -> {
          return new ParseOutcome.Failed(ReasonCode.UNREADABLE_DOCUMENT, "answered: " + behaviour);
        }
      }
      throw new IllegalStateException("unreachable");
    }

    private static String read(Path file) {
      try {
        return Files.readString(file).strip();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Tells a test that this worker is busy: a file beside the document. */
    private static void mark(Path file) {
      try {
        Files.writeString(file.resolveSibling(file.getFileName() + ".busy"), "busy");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void hang() {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }

    @SuppressWarnings("removal")
    private static void crashNatively() {
      try {
        Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        ((sun.misc.Unsafe) field.get(null)).putAddress(0, 42);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {}
  }
}
