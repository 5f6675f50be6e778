package nl.kamerstukken.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published on {@link Topics#PARSED}: the parsed-document contract. {@code ./kamerstukken parse}
 * prints exactly this payload. Fields may be added; existing names never change.
 *
 * @param documentId stable id of the content (the SHA-256 of the original file)
 * @param source the original file
 * @param metadata what the document says about itself
 * @param pageCount number of pages (0 for formats without pages)
 * @param text the cleaned full text, paragraphs separated by blank lines
 * @param questions numbered questions, in document order
 * @param answers numbered answers, in document order
 * @param footnotes footnotes moved out of the body
 * @param warnings things a reader should know, e.g. that OCR was used
 * @param receivedAt when ingest first saw the content (null when parsed offline)
 * @param parsedAt when this result was produced
 * @param kind what the file is to its Kamerstuk; {@link FileKind#DOCUMENT} when absent (older
 *     events)
 */
public record DocumentParsed(
    String documentId,
    SourceFile source,
    DocumentMetadata metadata,
    int pageCount,
    String text,
    List<Segment> questions,
    List<Segment> answers,
    List<Footnote> footnotes,
    List<String> warnings,
    Instant receivedAt,
    Instant parsedAt,
    FileKind kind) {

  public DocumentParsed {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(source, "source");
    metadata = metadata == null ? DocumentMetadata.empty() : metadata;
    text = text == null ? "" : text;
    questions = questions == null ? List.of() : List.copyOf(questions);
    answers = answers == null ? List.of() : List.copyOf(answers);
    footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    kind = kind == null ? FileKind.DOCUMENT : kind;
  }

  /** A parsed rendition of a Kamerstuk ({@link FileKind#DOCUMENT}). */
  public DocumentParsed(
      String documentId,
      SourceFile source,
      DocumentMetadata metadata,
      int pageCount,
      String text,
      List<Segment> questions,
      List<Segment> answers,
      List<Footnote> footnotes,
      List<String> warnings,
      Instant receivedAt,
      Instant parsedAt) {
    this(
        documentId,
        source,
        metadata,
        pageCount,
        text,
        questions,
        answers,
        footnotes,
        warnings,
        receivedAt,
        parsedAt,
        FileKind.DOCUMENT);
  }
}
