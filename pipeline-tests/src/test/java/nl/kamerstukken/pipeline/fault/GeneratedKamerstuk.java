package nl.kamerstukken.pipeline.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small Aanhangsel van de Handelingen in the official layout (masthead, number, header, colophon
 * with the identifier), with a known number of "Vraag N" / "Antwoord N" pairs: the parser finds
 * identifier {@code ah-tk-20252026-<number>} and exactly {@code pairs} questions, so expected index
 * counts are exact.
 */
public record GeneratedKamerstuk(int number, int pairs) {

  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final float X = 200;

  String identifier() {
    return "ah-tk-20252026-" + number;
  }

  public Path write(Path file) {
    List<Object[]> lines = new ArrayList<>();
    float y = 40;
    y = add(lines, y, 18, true, "Tweede Kamer der Staten-Generaal");
    y = add(lines, y, 9, false, "Vergaderjaar 2025–2026 Aanhangsel van de Handelingen");
    y = add(lines, y, 12, true, String.valueOf(number));
    y =
        add(
            lines,
            y,
            8,
            false,
            "Vragen van het lid Jansen (VVD) aan de Minister van Financiën over storing " + number);
    y = add(lines, y, 8, false, "(ingezonden 6 maart 2026).");
    y =
        add(
            lines,
            y,
            8,
            false,
            "Antwoord van Minister De Vries (Financiën) (ontvangen 25 maart 2026).");
    for (int i = 1; i <= pairs; i++) {
      y = add(lines, y, 8, false, "Vraag " + i);
      y =
          add(
              lines,
              y,
              8,
              false,
              "Wat gebeurt er met stuk " + number + " als de dienst " + i + " keer stopt?");
      y = add(lines, y, 8, false, "Antwoord " + i);
      y =
          add(
              lines,
              y,
              8,
              false,
              "Dan gaat stuk " + number + " niet verloren, ook niet na " + i + " keer.");
    }
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      float height = page.getMediaBox().getHeight();
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        for (Object[] line : lines) {
          text(
              content,
              X,
              height - (float) line[0],
              (float) line[1],
              (boolean) line[2],
              (String) line[3]);
        }
        text(content, 37, height - 724, 5, false, identifier());
        text(content, 37, height - 730.6f, 5, false, "ISSN 0921 - 7398");
        text(content, 37, height - 737, 5, false, "’s-Gravenhage 2026");
      }
      document.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static float add(List<Object[]> lines, float y, float size, boolean bold, String text) {
    lines.add(new Object[] {y, size, bold, text});
    return y + Math.max(9.6f, size * 1.3f) + (size > 8 ? 9.6f : 0);
  }

  private static void text(
      PDPageContentStream content, float x, float y, float size, boolean bold, String text)
      throws IOException {
    content.beginText();
    content.setFont(bold ? BOLD : REGULAR, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }
}
