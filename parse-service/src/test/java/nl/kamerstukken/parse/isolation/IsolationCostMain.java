package nl.kamerstukken.parse.isolation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.KamerstukParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;

/**
 * What isolation costs: parses the corpus three times, {@code threads} at a time, in parse workers
 * and in this JVM, and prints start time, time per round and peak resident memory (VmHWM) of this
 * JVM and the workers. Not a test; run it by hand (see the module README): {@code java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt)
 * nl.kamerstukken.parse.isolation.IsolationCostMain iso 2}
 */
public final class IsolationCostMain {

  private IsolationCostMain() {}

  public static void main(String[] args) throws Exception {
    boolean isolated = args[0].equals("iso");
    int threads = Integer.parseInt(args[1]);
    List<Path> files = corpus(Path.of(args.length > 2 ? args[2] : "../../shared/corpus"));
    long started = System.nanoTime();
    try (DocumentParser parser =
        isolated
            ? ParseWorkerPool.start(
                ParserSettings.defaults(),
                IsolationSettings.defaults(threads),
                new SimpleMeterRegistry())
            : KamerstukParser.create(ParserSettings.defaults())) {
      System.out.printf(
          "%s: ready in %d ms%n",
          isolated ? threads + " parse workers" : "in-process parser",
          (System.nanoTime() - started) / 1_000_000);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      for (int round = 1; round <= 3; round++) {
        long begun = System.nanoTime();
        List<Future<ParseOutcome>> outcomes = new ArrayList<>();
        for (Path file : files) {
          outcomes.add(
              pool.submit(
                  () ->
                      parser.parse(
                          file,
                          new SourceFile(file.getFileName().toString(), null, null, 0, null, null),
                          null)));
        }
        int parsed = 0;
        for (Future<ParseOutcome> outcome : outcomes) {
          parsed += outcome.get() instanceof ParseOutcome.Parsed ? 1 : 0;
        }
        System.out.printf(
            "round %d: %d files, %d parsed, %d ms%n",
            round, files.size(), parsed, (System.nanoTime() - begun) / 1_000_000);
      }
      pool.shutdown();
      System.out.printf("this JVM: peak RSS %d MB%n", peakRss(ProcessHandle.current().pid()));
      ProcessHandle.current()
          .children()
          .forEach(
              worker ->
                  System.out.printf(
                      "parse worker %d: peak RSS %d MB%n", worker.pid(), peakRss(worker.pid())));
    }
  }

  private static List<Path> corpus(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().matches("(?i)README\\.md|MANIFEST\\.tsv"))
          .sorted()
          .toList();
    }
  }

  private static long peakRss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
