package nl.kamerstukken.assemble.kamerstuk;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.KamerstukFile;

/**
 * Builds a Kamerstuk from its files and its representative's parsed content. A pure function.
 *
 * <p>Metadata, field by field: the publisher metadata records (merged among themselves by document
 * id) over the publisher's XML over the representative's own values; the records enrich by {@link
 * DocumentMetadata#enrichedBy} (identifiers, numbers, dates, Zaak numbers from the record; names
 * and roles from the print), the XML by {@link DocumentMetadata#preferring}: the rules the offline
 * {@code parse} applies to the files beside a PDF.
 */
public final class KamerstukAssembler {

  private KamerstukAssembler() {}

  public static Assembly assemble(KamerstukFiles files, DocumentParsed representative) {
    if (files == null || files.representative() == null) {
      return Assembly.removed();
    }
    if (representative == null || !representative.documentId().equals(files.representative())) {
      return Assembly.waiting();
    }
    DocumentMetadata metadata = metadata(files, representative);
    return Assembly.complete(
        new Kamerstuk(
            files.key(),
            metadata.identifier(),
            metadata,
            representative.documentId(),
            Representative.RULE,
            representative.pageCount(),
            representative.text(),
            representative.questions(),
            representative.answers(),
            representative.footnotes(),
            representative.warnings(),
            listed(files),
            representative.receivedAt(),
            representative.parsedAt()));
  }

  static DocumentMetadata metadata(KamerstukFiles files, DocumentParsed representative) {
    DocumentMetadata merged = representative.metadata();
    for (FileEntry rendition : files.renditions()) {
      if (Representative.formatRank(rendition) == 0
          && !rendition.documentId().equals(representative.documentId())) {
        merged = merged.preferring(rendition.metadata());
        break;
      }
    }
    DocumentMetadata records = null;
    for (FileEntry record : files.records()) {
      records = records == null ? record.metadata() : record.metadata().preferring(records);
    }
    return records == null ? merged : merged.enrichedBy(records);
  }

  /** The representative first, then the other renditions best first, then the records. */
  private static List<KamerstukFile> listed(KamerstukFiles files) {
    List<KamerstukFile> listed = new ArrayList<>();
    List<FileEntry> renditions = files.renditions();
    for (int i = 0; i < renditions.size(); i++) {
      listed.add(
          renditions
              .get(i)
              .asFile(i == 0 ? KamerstukFile.Role.REPRESENTATIVE : KamerstukFile.Role.ALTERNATIVE));
    }
    files.records().forEach(r -> listed.add(r.asFile(KamerstukFile.Role.PUBLISHER_METADATA)));
    return listed;
  }
}
