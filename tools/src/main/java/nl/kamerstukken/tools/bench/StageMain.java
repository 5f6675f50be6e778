package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.io.Writer;
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
 * One in-JVM stage of the benchmark, run in a JVM of its own so its peak RSS is its own: {@code
 * StageMain pdfbox|parse LISTFILE [WARMUPFILE]} processes every file named in WARMUPFILE once,
 * untimed, then every file named in LISTFILE once, timed, single-threaded, and prints {@code
 * seconds peakRssMb} on its last line. Without WARMUPFILE the first {@value #WARM_UP} files of
 * LISTFILE warm up. Startup, class loading and (with a warm-up set large enough) most JIT
 * compilation are not timed, as for a long-running service.
 */
public final class StageMain {

  private static final int WARM_UP = 10;

  private StageMain() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = read(Path.of(args[1]));
    List<Path> warmUp =
        args.length > 2
            ? read(Path.of(args[2]))
            : files.subList(0, Math.min(WARM_UP, files.size()));
    double seconds =
        switch (args[0]) {
          case "pdfbox" -> pdfbox(files, warmUp);
          case "parse" -> parse(files, warmUp);
          default -> throw new IllegalArgumentException("unknown stage " + args[0]);
        };
    System.out.printf(Locale.ROOT, "%.4f %d%n", seconds, PeakRss.self());
  }

  private static List<Path> read(Path list) throws IOException {
    return Files.readAllLines(list).stream().map(Path::of).toList();
  }

  private static double pdfbox(List<Path> files, List<Path> warmUp) throws IOException {
    for (Path file : warmUp) {
      strip(file);
    }
    long start = System.nanoTime();
    for (Path file : files) {
      strip(file);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void strip(Path file) throws IOException {
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      new PDFTextStripper().writeText(document, Writer.nullWriter());
    }
  }

  private static double parse(List<Path> files, List<Path> warmUp) throws IOException {
    try (FileParser parser = FileParser.create(ParserSettings.defaults())) {
      for (Path file : warmUp) {
        parseOne(parser, file);
      }
      long start = System.nanoTime();
      for (Path file : files) {
        parseOne(parser, file);
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static void parseOne(FileParser parser, Path file) throws IOException {
    // Hashing and type detection are part of what the pipeline does per document; they are timed
    // too.
    ParseOutcome outcome = parser.parse(file, LocalFile.describe(file), null);
    if (!(outcome instanceof ParseOutcome.Parsed)) {
      throw new IllegalStateException(file + " did not parse: " + outcome);
    }
  }
}
