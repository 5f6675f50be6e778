package nl.kamerstukken.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * One in-JVM stage of the benchmark, run in a JVM of its own so its peak RSS is its own, and kept
 * running between the benchmark's rounds so it warms up once: {@code StageMain pdfbox|parse
 * WARMUPFILE} processes every file named in WARMUPFILE once, untimed, and prints {@value #READY};
 * then for each line on stdin (a file that lists documents, one path a line) it processes every
 * document once, timed, single-threaded, and prints {@code result SECONDS PEAKRSSMB}; it ends at
 * the end of stdin. An empty WARMUPFILE means no warm-up. Startup, class loading and (with a
 * warm-up set large enough) most JIT compilation are not timed, as for a long-running service.
 * Stdout carries only these answers; logs go to stderr.
 */
public final class StageMain {

  static final String READY = "ready";
  static final String RESULT = "result ";

  private StageMain() {}

  public static void main(String[] args) throws IOException {
    try (Stage stage = stage(args[0])) {
      for (Path file : read(Path.of(args[1]))) {
        stage.process(file);
      }
      System.out.println(READY);
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        List<Path> files = read(Path.of(line.trim()));
        long start = System.nanoTime();
        for (Path file : files) {
          stage.process(file);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s%.4f %d%n", RESULT, seconds, PeakRss.self());
        System.out.flush();
      }
    }
  }

  /** What is timed for one document. */
  private interface Stage extends AutoCloseable {
    void process(Path file) throws IOException;

    @Override
    default void close() throws IOException {}
  }

  private static Stage stage(String name) {
    return switch (name) {
      case "pdfbox" -> StageMain::strip;
      case "parse" -> new ParseStage(FileParser.create(ParserSettings.defaults()));
      default -> throw new IllegalArgumentException("unknown stage " + name);
    };
  }

  private static List<Path> read(Path list) throws IOException {
    return Files.readAllLines(list).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
  }

  private static void strip(Path file) throws IOException {
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      new PDFTextStripper().writeText(document, Writer.nullWriter());
    }
  }

  private record ParseStage(FileParser parser) implements Stage {

    @Override
    public void process(Path file) throws IOException {
      // Hashing and type detection are part of what the pipeline does per document; they are timed
      // too.
      ParseOutcome outcome = parser.parse(file, LocalFile.describe(file), null);
      if (!(outcome instanceof ParseOutcome.Parsed)) {
        throw new IllegalStateException(file + " did not parse: " + outcome);
      }
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }
}
