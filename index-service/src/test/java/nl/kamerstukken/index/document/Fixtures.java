package nl.kamerstukken.index.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Footnote;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;

/** Parsed documents for tests, shaped like the corpus's Aanhangsels. */
public final class Fixtures {

  public static final Instant RECEIVED = Instant.parse("2024-03-01T10:15:30Z");

  private Fixtures() {}

  public static DocumentMetadata metadata(String identifier) {
    return new DocumentMetadata(
        identifier,
        "aanhangsel-antwoord",
        "2023-2024",
        null,
        "1481",
        "het bericht over wachttijden in de jeugdzorg",
        LocalDate.of(2024, 2, 20),
        List.of("Van der Plas"),
        List.of("BBB"),
        List.of("Staatssecretaris van Volksgezondheid, Welzijn en Sport"),
        List.of("Staatssecretaris Van Ooijen"),
        LocalDate.of(2024, 1, 10),
        LocalDate.of(2024, 2, 20),
        List.of("2024Z00123"),
        List.of("2024D04567"),
        null,
        null,
        List.of());
  }

  public static DocumentParsed parsed(
      String documentId,
      String identifier,
      List<Segment> questions,
      List<Segment> answers,
      Instant receivedAt) {
    SourceFile source =
        new SourceFile(
            documentId + ".pdf",
            documentId,
            "application/pdf",
            1234,
            "inbox/" + documentId + ".pdf",
            "file:///blobs/" + documentId);
    return new DocumentParsed(
        documentId,
        source,
        metadata(identifier),
        3,
        "Vraag 1 Wat is ... Antwoord 1 ...",
        questions,
        answers,
        List.of(new Footnote("1", "Zie kamerstuk 31839")),
        List.of(),
        receivedAt,
        receivedAt == null ? null : receivedAt.plusSeconds(5));
  }

  /** The single-file Kamerstuk assemble-service makes of a parsed file that is alone. */
  public static Kamerstuk kamerstuk(DocumentParsed parsed) {
    return Kamerstuk.alone(parsed, "publisher XML over PDF over other formats");
  }

  /**
   * The search documents of a parsed file alone, versioned by when it was received (the tests'
   * stand-in for the offset of its Kamerstuk event: later received, later event).
   */
  public static IndexedDocument indexed(DocumentParsed parsed) {
    Instant at = parsed.receivedAt() != null ? parsed.receivedAt() : parsed.parsedAt();
    long version =
        (at == null ? 0 : at.toEpochMilli()) * 1000
            + Math.floorMod(parsed.documentId().hashCode(), 1000);
    return SearchDocuments.of(kamerstuk(parsed), version);
  }

  public static Segment segment(String text, String... numbers) {
    return new Segment(List.of(numbers), text);
  }
}
