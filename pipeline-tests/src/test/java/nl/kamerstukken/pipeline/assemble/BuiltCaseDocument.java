package nl.kamerstukken.pipeline.assemble;

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
 * BUILT test documents, not recordings: no public question document (kv-tk) of a real Aanhangsel
 * and no postponement notice of the same questions exist (see ../shared/feeds/README.md). These are
 * built from the real Aanhangsel ah-tk-20202021-3235's own text (its header, as printed, and its
 * first three questions) in the layout of a kv-tk (the Zaak number at the top, "Vragen van de leden
 * ... (ingezonden ...)", numbered questions, the identifier in the colophon) and of an Aanhangsel
 * Mededeling ("Mededeling van Minister ... (ontvangen ...)": the answer takes longer).
 */
public final class BuiltCaseDocument {

  static final String HEADER_1 =
      "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Minister van";
  static final String HEADER_2 =
      "Sociale Zaken en Werkgelegenheid over de TOZO (ingezonden 3 juni 2021).";
  static final List<String> QUESTIONS =
      List.of(
          "Klopt het dat de Tijdelijke overbruggingsregeling zelfstandig ondernemers (TOZO) en het",
          "Besluit bijstandverlening zelfstandigen (BBZ)-krediet beide voor zelfstandige ondernemers",
          "bedoeld zijn?");

  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private BuiltCaseDocument() {}

  /** The question document kv-tk-2021Z09739, built. */
  public static Path question(Path file) {
    List<Object[]> lines = new ArrayList<>();
    float y = 40;
    y = add(lines, y, 18, true, "Tweede Kamer der Staten-Generaal");
    y = add(lines, y, 12, true, "2021Z09739");
    y = add(lines, y, 8, false, HEADER_1);
    y = add(lines, y, 8, false, HEADER_2);
    for (int i = 1; i <= 3; i++) {
      y = add(lines, y, 8, false, "Vraag " + i);
      y = add(lines, y, 8, false, "Vraag " + i + " over de TOZO: " + QUESTIONS.get(i - 1));
    }
    return write(file, lines, "kv-tk-2021Z09739");
  }

  /** A Mededeling (postponement) of the same questions, ah-tk-20202021-3100, built. */
  public static Path postponement(Path file) {
    List<Object[]> lines = new ArrayList<>();
    float y = 40;
    y = add(lines, y, 18, true, "Tweede Kamer der Staten-Generaal");
    y = add(lines, y, 9, false, "Vergaderjaar 2020–2021 Aanhangsel van de Handelingen");
    y = add(lines, y, 12, true, "3100");
    y = add(lines, y, 8, false, HEADER_1);
    y = add(lines, y, 8, false, HEADER_2);
    y =
        add(
            lines,
            y,
            8,
            false,
            "Mededeling van Minister Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 14 juni"
                + " 2021).");
    y =
        add(
            lines,
            y,
            8,
            false,
            "De vragen van de leden Van Weyenberg, Romke de Jong en Kat kunnen niet binnen de");
    y =
        add(
            lines,
            y,
            8,
            false,
            "gebruikelijke termijn worden beantwoord. Voor de beantwoording is meer tijd nodig.");
    return write(file, lines, "ah-tk-20202021-3100");
  }

  private static Path write(Path file, List<Object[]> lines, String identifier) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      float height = page.getMediaBox().getHeight();
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        for (Object[] line : lines) {
          text(
              content,
              200,
              height - (float) line[0],
              (float) line[1],
              (boolean) line[2],
              (String) line[3]);
        }
        text(content, 37, height - 724, 5, false, identifier);
        text(content, 37, height - 730.6f, 5, false, "ISSN 0921 - 7398");
        text(content, 37, height - 737, 5, false, "’s-Gravenhage 2021");
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
