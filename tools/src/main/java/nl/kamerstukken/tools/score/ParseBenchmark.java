package nl.kamerstukken.tools.score;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Throughput of the parse stage ({@link FileParser#parse}, i.e. parse-service's KamerstukParser:
 * PDFBox extraction with positions, cleaning, metadata, segmentation) against bare PDFBox ({@link
 * PDFTextStripper#getText}, load included) over the same text PDFs, in pages per second. Rounds
 * alternate between the two after a warm-up; the median round counts. Run: {@code ./kamerstukken
 * bench-parse ../shared/corpus}.
 */
public final class ParseBenchmark {

  private ParseBenchmark() {}

  /**
   * Runs {@code rounds} measured rounds over the text PDFs in {@code corpus} and prints the
   * figures.
   */
  public static void run(Path corpus, int rounds, PrintWriter out) throws IOException {
    List<Path> pdfs = textPdfs(corpus);
    if (pdfs.isEmpty()) {
      throw new IllegalArgumentException("no PDF with a text layer on every page in " + corpus);
    }
    int pages = 0;
    for (Path pdf : pdfs) {
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        pages += document.getNumberOfPages();
      }
    }
    try (FileParser parser = FileParser.create(ParserSettings.defaults())) {
      for (int warmUp = 0; warmUp < 3; warmUp++) {
        bare(pdfs);
        ours(parser, pdfs);
      }
      double[] bare = new double[rounds];
      double[] ours = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        bare[round] = pages / bare(pdfs);
        ours[round] = pages / ours(parser, pdfs);
      }
      double bareMedian = median(bare);
      double oursMedian = median(ours);
      out.printf(
          Locale.ROOT, "%d text PDFs, %d pages, %d rounds (median)%n", pdfs.size(), pages, rounds);
      out.printf(Locale.ROOT, "bare PDFBox PDFTextStripper: %8.1f pages/s%n", bareMedian);
      out.printf(Locale.ROOT, "KamerstukParser.parse:       %8.1f pages/s%n", oursMedian);
      out.printf(
          Locale.ROOT,
          "ratio parse / bare:          %8.2f (target >= 0.50)%n",
          oursMedian / bareMedian);
      out.flush();
    }
  }

  /** PDFs in the corpus whose every page has a text layer. */
  public static List<Path> textPdfs(Path corpus) throws IOException {
    List<Path> pdfs = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList()) {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
          PDFTextStripper stripper = new PDFTextStripper();
          boolean allText = true;
          for (int page = 1; page <= document.getNumberOfPages() && allText; page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            allText = stripper.getText(document).chars().filter(Character::isLetter).count() >= 25;
          }
          if (allText) {
            pdfs.add(file);
          }
        }
      }
    }
    return pdfs;
  }

  /** Seconds to load and strip all files with a plain {@link PDFTextStripper}. */
  private static double bare(List<Path> pdfs) throws IOException {
    long start = System.nanoTime();
    for (Path pdf : pdfs) {
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        new PDFTextStripper().writeText(document, Writer.nullWriter());
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds to parse all files with the parse stage. */
  private static double ours(FileParser parser, List<Path> pdfs) {
    long start = System.nanoTime();
    for (Path pdf : pdfs) {
      ParseOutcome outcome =
          parser.parse(
              pdf,
              new SourceFile(
                  pdf.getFileName().toString(), "0".repeat(64), "application/pdf", 1, null, null),
              null);
      if (!(outcome instanceof ParseOutcome.Parsed)) {
        throw new IllegalStateException("benchmark file did not parse: " + pdf + ": " + outcome);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
