package nl.kamerstukken.parse.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.DocumentParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a fresh worker up while it has nothing else to do: it parses a generated Aanhangsel-like
 * PDF, so the JIT has compiled the PDF, cleaning and segmentation paths before most real documents
 * arrive. Without it, a new worker parses its first few hundred documents several times slower, and
 * every worker (and every restart after a crash) pays that again.
 *
 * <p>The worker reports ready before it warms up and calls {@link #whileIdle} before each wait for
 * a request: a real document waits at most for the one warm-up parse in progress, and start-up (and
 * so {@code up}) never waits for the warm-up. Not thread-safe: the worker's one loop uses it.
 */
final class WarmUp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
  private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  private final long budgetNanos;
  private long spentNanos;
  private int rounds;
  private Path pdf;
  private SourceFile source;

  private WarmUp(Duration budget) {
    this.budgetNanos = budget.toNanos();
  }

  /** A warm-up that parses for {@code budget} in all (zero: never). */
  static WarmUp of(Duration budget) {
    return new WarmUp(budget);
  }

  /** Parses the warm-up document until {@code budget} has passed; never fails the worker. */
  static void run(DocumentParser parser, Duration budget) {
    try (WarmUp warmUp = of(budget)) {
      warmUp.whileIdle(parser, () -> true);
    }
  }

  /**
   * Parses the warm-up document again and again while {@code idle} says nothing waits and budget
   * remains; a failure ends the warm-up (never the worker).
   */
  void whileIdle(DocumentParser parser, IdleCheck idle) {
    try {
      while (spentNanos < budgetNanos && idle.idle()) {
        long start = System.nanoTime();
        parser.parse(document(), source, null);
        rounds++;
        spentNanos += System.nanoTime() - start;
        if (spentNanos >= budgetNanos) {
          close();
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("warm-up stopped early: {}", e.toString());
      spentNanos = budgetNanos;
      close();
    }
  }

  private Path document() throws IOException {
    if (pdf == null) {
      pdf = Files.createTempFile("kamerstukken-warm-up-", ".pdf");
      write(pdf);
      source =
          new SourceFile(
              pdf.getFileName().toString(),
              "0".repeat(64),
              "application/pdf",
              Files.size(pdf),
              null,
              null);
    }
    return pdf;
  }

  /** Removes the warm-up document (again when it is needed); logs what the warm-up did. */
  @Override
  public void close() {
    if (pdf == null) {
      return;
    }
    try {
      Files.deleteIfExists(pdf);
    } catch (IOException e) {
      LOG.warn("cannot remove the warm-up document {}: {}", pdf, e.toString());
    }
    pdf = null;
    LOG.info("warmed up: [{}] parses in [{}] ms", rounds, spentNanos / 1_000_000);
  }

  /** Whether nothing waits for the worker; may throw when it cannot tell (ends the warm-up). */
  @FunctionalInterface
  interface IdleCheck {
    boolean idle() throws IOException;
  }

  private static void write(Path file) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (int page = 1; page <= 3; page++) {
        PDPage pdPage = new PDPage();
        document.addPage(pdPage);
        try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
          content.beginText();
          content.setFont(FONT, 9);
          content.setLeading(11);
          content.newLineAtOffset(72, 740);
          content.showText("Tweede Kamer, vergaderjaar 2023-2024, Aanhangsel 1234 " + page);
          content.newLine();
          content.newLine();
          for (int n = 1; n <= 6; n++) {
            int number = (page - 1) * 6 + n;
            content.showText("Vraag " + number);
            content.newLine();
            for (String line : question(number)) {
              content.showText(line);
              content.newLine();
            }
            content.showText("Antwoord " + number);
            content.newLine();
            for (String line : answer(number)) {
              content.showText(line);
              content.newLine();
            }
          }
          content.endText();
        }
      }
      document.save(file.toFile());
    }
  }

  // Every line names its number: lines repeated at the same place on every page would be running
  // headers.
  private static String[] question(int number) {
    return new String[] {
      "Bent u bekend met het bericht over de wachttijden in de jeugdzorg in regio "
          + number
          + ", en deelt u",
      "de zorgen van gemeenten en zorgaanbieders over de gevolgen voor kinderen en ouders? Wie is verant-",
      "woordelijk voor het terugdringen van die wachttijden, en wanneer ontvangt de Kamer de cijfers over",
      "het jaar " + (2000 + number) + "?"
    };
  }

  private static String[] answer(int number) {
    return new String[] {
      "Ja. Het kabinet neemt maatregelen om de wachttijden in regio "
          + number
          + " te verkorten; zie de brief",
      "van 3 juni 2024 (Kamerstuk 31839, nr. "
          + (900 + number)
          + "). Gemeenten zijn verantwoordelijk voor de",
      "inkoop van jeugdzorg; de cijfers over "
          + (2000 + number)
          + " ontvangt uw Kamer voor het zomerreces."
    };
  }
}
