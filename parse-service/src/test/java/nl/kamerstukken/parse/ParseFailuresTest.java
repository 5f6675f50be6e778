package nl.kamerstukken.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.KamerstukPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents that cannot be parsed become failed outcomes with a reason, never exceptions. */
class ParseFailuresTest {

  private static KamerstukParser parser;

  @TempDir Path dir;

  @BeforeAll
  static void createParser() {
    parser = KamerstukParser.create(ParserSettings.defaults().withOcr(false, "nld"));
  }

  @AfterAll
  static void closeParser() {
    parser.close();
  }

  @Test
  void randomBytesNamedPdfFailAsUnreadable() throws IOException {
    // Given random bytes in a file named .pdf
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    Path file = Files.write(dir.resolve("kapot.pdf"), bytes);

    // When it is parsed
    ParseOutcome outcome = parse(file);

    // Then the outcome says what, where and what to do
    assertThat(outcome).isInstanceOf(ParseOutcome.Failed.class);
    ParseOutcome.Failed failed = (ParseOutcome.Failed) outcome;
    assertThat(failed.reasonCode())
        .isIn(ReasonCode.UNREADABLE_DOCUMENT, ReasonCode.UNSUPPORTED_MEDIA_TYPE);
    assertThat(failed.message())
        .contains("kapot.pdf")
        .containsAnyOf("drop it again", "export it again");
  }

  @Test
  void anEmptyFileFailsAsEmpty() throws IOException {
    Path file = Files.write(dir.resolve("leeg.pdf"), new byte[0]);

    ParseOutcome outcome = parse(file);

    assertThat(outcome)
        .isEqualTo(
            new ParseOutcome.Failed(
                ReasonCode.EMPTY_DOCUMENT,
                "leeg.pdf is empty (0 bytes); drop the complete file again"));
  }

  @Test
  void aPasswordProtectedPdfFailsAsEncrypted() throws IOException {
    // Given a PDF that needs a password to open
    Path file = KamerstukPdf.builder().line("Geheim").write(dir.resolve("plain.pdf"));
    Path locked = dir.resolve("geheim.pdf");
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(locked.toFile());
    }

    // When it is parsed
    ParseOutcome outcome = parse(locked);

    // Then it fails as encrypted
    assertThat(outcome)
        .extracting(o -> ((ParseOutcome.Failed) o).reasonCode())
        .isEqualTo(ReasonCode.ENCRYPTED_DOCUMENT);
  }

  @Test
  void anImageIsNotSupported() throws IOException {
    Path file = dir.resolve("foto.png");
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        file.toFile());

    ParseOutcome outcome = parse(file);

    assertThat(outcome).isInstanceOf(ParseOutcome.Failed.class);
    assertThat(((ParseOutcome.Failed) outcome).reasonCode())
        .isEqualTo(ReasonCode.UNSUPPORTED_MEDIA_TYPE);
    assertThat(((ParseOutcome.Failed) outcome).message())
        .contains("foto.png", "image/png", "convert it to PDF");
  }

  @Test
  void aScannedPageWithoutOcrGivesAWarningNotAFailure() throws IOException {
    // Given a PDF whose only page is an image
    Path file = dir.resolve("scan.pdf");
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      var image =
          new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(LosslessFactory.createFromImage(document, image), 50, 50);
      }
      document.save(file.toFile());
    }

    // When it is parsed with OCR switched off
    ParseOutcome outcome = parse(file);

    // Then the document is parsed, without text, with a warning that says OCR did not run
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    var parsed = ((ParseOutcome.Parsed) outcome).document();
    assertThat(parsed.text()).isEmpty();
    assertThat(parsed.warnings())
        .singleElement()
        .asString()
        .contains("OCR unavailable", "[1]", "disabled");
    assertThat(parsed.metadata().documentType()).isEqualTo("scan");
  }

  private ParseOutcome parse(Path file) {
    return parser.parse(
        file, new SourceFile(file.getFileName().toString(), null, null, 0, null, null), null);
  }
}
