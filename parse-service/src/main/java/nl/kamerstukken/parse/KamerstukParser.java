package nl.kamerstukken.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.FileKind;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.clean.TextCleaner;
import nl.kamerstukken.parse.extract.Extraction;
import nl.kamerstukken.parse.extract.ExtractionFailure;
import nl.kamerstukken.parse.metadata.MetadataExtractor;
import nl.kamerstukken.parse.metadata.PublisherRecord;
import nl.kamerstukken.parse.metadata.SiblingMetadata;
import nl.kamerstukken.parse.segment.SegmentPages;
import nl.kamerstukken.parse.segment.Segmentation;
import nl.kamerstukken.parse.segment.Segmenter;
import org.apache.tika.parser.AutoDetectParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Kamerstuk file into the parsed-document contract: clean text, metadata, numbered
 * questions and answers, footnotes. PDFs are read once with PDFBox (positions and font sizes; OCR
 * for pages without a text layer); other formats through one shared Tika {@link AutoDetectParser};
 * the publisher's XML through its markup. {@link #parse} is thread-safe. Anything wrong with the
 * document itself is a {@link ParseOutcome.Failed}; exceptions mean a programming or infrastructure
 * error.
 */
public final class KamerstukParser implements DocumentParser {

  private static final Logger LOG = LoggerFactory.getLogger(KamerstukParser.class);

  private final Extractors extractors;
  private final SiblingPublisherXml siblingXml = new SiblingPublisherXml();

  private KamerstukParser(Extractors extractors) {
    this.extractors = extractors;
  }

  /** Builds the Tika parser (about half a second) and probes for Tesseract once. */
  public static KamerstukParser create(ParserSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new KamerstukParser(Extractors.create(settings));
  }

  /** Whether pages without a text layer can be OCR'd (OCR enabled and Tesseract installed). */
  public boolean ocrAvailable() {
    return extractors.ocrAvailable();
  }

  @Override
  public ParseOutcome parse(Path file, SourceFile source, Instant receivedAt) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    String name = source.fileName() == null ? file.getFileName().toString() : source.fileName();
    if (size(file) == 0) {
      return new ParseOutcome.Failed(
          ReasonCode.EMPTY_DOCUMENT,
          name + " is empty (0 bytes); drop the complete" + " file again");
    }
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
      DocumentMetadata record = PublisherRecord.read(file);
      if (record != null) {
        return new ParseOutcome.Parsed(publisherRecord(file, name, source, record, receivedAt));
      }
    }
    Extraction extraction;
    try {
      extraction = extractors.extract(file, name);
    } catch (ExtractionFailure e) {
      LOG.debug("cannot read [{}]: [{}]", name, e.getMessage());
      return new ParseOutcome.Failed(e.reasonCode(), e.getMessage());
    }
    if (extraction.lines().isEmpty() && extraction.warnings().isEmpty()) {
      return new ParseOutcome.Failed(
          ReasonCode.EMPTY_DOCUMENT,
          name
              + " ("
              + extraction.mediaType()
              + ", "
              + extraction.pageCount()
              + " pages) contains no text and no page images to OCR; check the file");
    }
    return new ParseOutcome.Parsed(assemble(file, name, source, extraction, receivedAt));
  }

  private DocumentParsed assemble(
      Path file, String name, SourceFile source, Extraction extraction, Instant receivedAt) {
    CleanDocument document = TextCleaner.clean(extraction);
    Segmentation segmentation =
        SegmentPages.forDocument(
            Segmenter.segment(document, extraction.markedSegments()), extraction.pageCount());
    Map<String, List<String>> properties =
        MetadataExtractor.merge(extraction.properties(), SiblingMetadata.find(file, name));
    boolean scanned =
        extraction.pageCount() > 0 && extraction.imagePages().size() == extraction.pageCount();
    DocumentMetadata metadata =
        MetadataExtractor.extract(document, segmentation, properties, scanned);
    DocumentMetadata publisher = siblingXml.metadataBeside(file, name, properties);
    if (publisher != null) {
      metadata = MetadataExtractor.preferring(publisher, metadata);
    }
    String sha256 = source.sha256() == null ? sha256(file) : source.sha256();
    SourceFile completed =
        new SourceFile(
            name,
            sha256,
            source.mediaType() == null ? extraction.mediaType() : source.mediaType(),
            source.sizeBytes() > 0 ? source.sizeBytes() : size(file),
            source.sourcePath(),
            source.blobUri());
    LOG.debug(
        "parsed [{}]: layout [{}], [{}] questions, [{}] answers",
        name,
        segmentation.layout(),
        segmentation.questions().size(),
        segmentation.answers().size());
    return new DocumentParsed(
        sha256,
        completed,
        metadata,
        extraction.pageCount(),
        segmentation.documentText(document),
        segmentation.questions(),
        segmentation.answers(),
        document.footnotes(),
        extraction.warnings(),
        receivedAt,
        Instant.now());
  }

  /**
   * A publisher metadata record is no Kamerstuk: its values, no text, kind {@link
   * FileKind#PUBLISHER_METADATA}.
   */
  private static DocumentParsed publisherRecord(
      Path file, String name, SourceFile source, DocumentMetadata record, Instant receivedAt) {
    String sha256 = source.sha256() == null ? sha256(file) : source.sha256();
    SourceFile completed =
        new SourceFile(
            name,
            sha256,
            source.mediaType() == null ? "application/xml" : source.mediaType(),
            source.sizeBytes() > 0 ? source.sizeBytes() : size(file),
            source.sourcePath(),
            source.blobUri());
    LOG.debug("[{}] is a publisher metadata record of [{}]", name, record.identifier());
    return new DocumentParsed(
        sha256,
        completed,
        record,
        0,
        "",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        receivedAt,
        Instant.now(),
        FileKind.PUBLISHER_METADATA);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }

  private static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /**
   * Nothing to release today; the parser is AutoCloseable so callers need not change when it holds
   * resources.
   */
  @Override
  public void close() {
    LOG.debug("parser closed");
  }
}
