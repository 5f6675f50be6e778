package nl.kamerstukken.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published on {@link Topics#KAMERSTUKKEN} (compacted, key = {@link #key}): one Kamerstuk as users
 * know it, derived from every file that currently carries its identifier. A tombstone means its
 * last content file is gone. Fields may be added; existing names never change.
 *
 * @param key the Kamerstuk key: its identifier (e.g. {@code ah-tk-20202021-3235}), else the
 *     document id of its only file (a file without identifier stays keyed by content)
 * @param identifier the publisher's identifier, or null when none is known
 * @param metadata the merged metadata: publisher metadata records over the publisher's XML over the
 *     representative file's own values, field by field
 * @param representative the document id of the file whose text, questions and answers these are
 * @param representativeRule the rule that chose it, in words
 * @param pageCount the representative's page count
 * @param text the representative's clean text
 * @param questions the representative's numbered questions
 * @param answers the representative's numbered answers
 * @param footnotes the representative's footnotes
 * @param warnings the representative's warnings
 * @param files every file that contributes, the representative first
 * @param receivedAt when ingest first saw the representative's content
 * @param parsedAt when the representative was parsed
 */
public record Kamerstuk(
    String key,
    String identifier,
    DocumentMetadata metadata,
    String representative,
    String representativeRule,
    int pageCount,
    String text,
    List<Segment> questions,
    List<Segment> answers,
    List<Footnote> footnotes,
    List<String> warnings,
    List<KamerstukFile> files,
    Instant receivedAt,
    Instant parsedAt) {

  public Kamerstuk {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(representative, "representative");
    metadata = metadata == null ? DocumentMetadata.empty() : metadata;
    text = text == null ? "" : text;
    questions = questions == null ? List.of() : List.copyOf(questions);
    answers = answers == null ? List.of() : List.copyOf(answers);
    footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    files = files == null ? List.of() : List.copyOf(files);
  }

  /**
   * The Kamerstuk one parsed file makes when it is the only file with its key (the identifier, else
   * its document id), as assemble-service publishes it; for tools and tests that start from files.
   */
  public static Kamerstuk alone(DocumentParsed parsed, String rule) {
    String identifier = parsed.metadata().identifier();
    String key = identifier == null || identifier.isBlank() ? parsed.documentId() : identifier;
    SourceFile s = parsed.source();
    return new Kamerstuk(
        key,
        identifier,
        parsed.metadata(),
        parsed.documentId(),
        rule,
        parsed.pageCount(),
        parsed.text(),
        parsed.questions(),
        parsed.answers(),
        parsed.footnotes(),
        parsed.warnings(),
        List.of(
            new KamerstukFile(
                parsed.documentId(),
                s.fileName(),
                s.mediaType(),
                s.sha256(),
                s.sizeBytes(),
                s.sourcePath(),
                s.blobUri(),
                parsed.kind(),
                KamerstukFile.Role.REPRESENTATIVE,
                parsed.receivedAt())),
        parsed.receivedAt(),
        parsed.parsedAt());
  }

  /** The file the content comes from. */
  public KamerstukFile representativeFile() {
    return files.stream()
        .filter(f -> f.documentId().equals(representative))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(key + " does not list its representative"));
  }
}
