package nl.kamerstukken.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The pages a question or answer says it is printed on, checked against the PDFs themselves and not
 * against the parser's own page bookkeeping: PDFBox's plain text stripper reads each page of the
 * corpus PDF, and the segment's first and last words must be found on its first and last page.
 */
class PrintedPagesCorpusTest {

  /** Letters compared (digits are left out: footnote reference digits sit inside sentences). */
  private static final int WINDOW = 40;

  private static final int SHORT_WINDOW = 20;

  @Test
  void everyQuestionAndAnswerOfTheCorpusPdfsNamesThePagesItsWordsArePrintedOn() throws Exception {
    Path corpus = CorpusLocator.corpus();
    int documents = 0;
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    try (KamerstukParser parser = KamerstukParser.create(ParserSettings.defaults())) {
      for (Path pdf : pdfs(corpus)) {
        DocumentParsed parsed = parse(parser, pdf);
        if (parsed == null || parsed.questions().isEmpty()) {
          continue;
        }
        List<String> pages = pageLetters(pdf);
        documents++;
        for (Segment segment : concat(parsed.questions(), parsed.answers())) {
          String letters = letters(segment.text());
          if (letters.length() < SHORT_WINDOW) {
            continue; // "Ja." is on many pages
          }
          checked++;
          int first = find(pages, head(letters), true);
          int last = find(pages, tail(letters), false);
          List<Integer> expected = IntStream.rangeClosed(first, last).boxed().toList();
          if (first < 1 || last < first || !segment.pages().equals(expected)) {
            wrong.add(
                pdf.getFileName()
                    + " "
                    + segment.numbers()
                    + ": says "
                    + segment.pages()
                    + ", words found on pages "
                    + first
                    + ".."
                    + last);
          }
        }
      }
    }
    assertThat(documents).as("corpus PDFs with questions").isGreaterThanOrEqualTo(5);
    assertThat(checked).isGreaterThanOrEqualTo(100);
    assertThat(wrong)
        .as("segments whose pages differ from where their words are printed")
        .isEmpty();
  }

  @Test
  void formatsWithoutPagesLeaveThePagesUnknown() throws Exception {
    Path corpus = CorpusLocator.corpus();
    try (KamerstukParser parser = KamerstukParser.create(ParserSettings.defaults())) {
      for (String name :
          List.of("ah-tk-20202021-3235.xml", "ah-tk-20202021-3235.html", "kst-26643-1522.txt")) {
        DocumentParsed parsed = parse(parser, corpus.resolve(name));
        assertThat(parsed.questions()).as(name).isNotEmpty();
        assertThat(concat(parsed.questions(), parsed.answers()))
            .as(name)
            .allSatisfy(s -> assertThat(s.pages()).isEmpty());
      }
    }
  }

  private static DocumentParsed parse(KamerstukParser parser, Path file) {
    SourceFile source = new SourceFile(file.getFileName().toString(), null, null, 0, null, null);
    ParseOutcome outcome = parser.parse(file, source, Instant.now());
    return outcome instanceof ParseOutcome.Parsed ok ? ok.document() : null;
  }

  private static List<Path> pdfs(Path corpus) throws IOException {
    try (Stream<Path> files = Files.list(corpus)) {
      return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
    }
  }

  /** Each page's text as lower-case letters only: line breaks, hyphens and spaces gone. */
  private static List<String> pageLetters(Path pdf) throws IOException {
    List<String> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(letters(stripper.getText(document)));
      }
    }
    return pages;
  }

  /**
   * The 1-based page whose text holds {@code window} (the first such page for a segment's start,
   * the last for its end); a shorter window when the long one is not found (it may run across a
   * page break, where the PDF's text has a running header in between); 0 when not found at all.
   */
  private static int find(List<String> pages, String[] windows, boolean first) {
    for (String window : windows) {
      int found = 0;
      for (int i = 0; i < pages.size(); i++) {
        if (pages.get(i).contains(window)) {
          found = i + 1;
          if (first) {
            break;
          }
        }
      }
      if (found > 0) {
        return found;
      }
    }
    return 0;
  }

  private static String[] head(String letters) {
    return new String[] {
      letters.substring(0, Math.min(WINDOW, letters.length())), letters.substring(0, SHORT_WINDOW)
    };
  }

  private static String[] tail(String letters) {
    return new String[] {
      letters.substring(Math.max(0, letters.length() - WINDOW)),
      letters.substring(letters.length() - SHORT_WINDOW)
    };
  }

  private static String letters(String text) {
    StringBuilder out = new StringBuilder();
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetter)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static List<Segment> concat(List<Segment> a, List<Segment> b) {
    List<Segment> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
