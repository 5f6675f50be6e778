package nl.kamerstukken.index.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Ministries;

/**
 * The fields every search document of one Kamerstuk carries, the document itself and each of its
 * Q&A pairs, so a Q&A hit can be filtered by party or date and links back to its document and file
 * without a join. Serialised flat (see {@code @JsonUnwrapped} where it is used).
 *
 * @param documentKey the key the search documents of this Kamerstuk are stored under (see {@link
 *     IndexedDocument})
 * @param documentId the representative file's content id (SHA-256)
 * @param ministry the ministries {@code answeredBy} and {@code addressedTo} name (see {@link
 *     Ministries}), for filtering and dashboards
 */
public record SharedFields(
    String documentKey,
    String documentId,
    String identifier,
    String documentType,
    String parliamentaryYear,
    String dossierNumber,
    String documentNumber,
    String title,
    LocalDate date,
    List<String> askedBy,
    List<String> parties,
    List<String> addressedTo,
    List<String> answeredBy,
    List<String> ministry,
    LocalDate submittedDate,
    LocalDate receivedDate,
    List<String> zaakNumbers,
    List<String> documentNumbers,
    String committee,
    SourceLink source,
    Instant receivedAt,
    Instant parsedAt) {

  static SharedFields of(Kamerstuk kamerstuk) {
    DocumentMetadata m = kamerstuk.metadata();
    return new SharedFields(
        kamerstuk.key(),
        kamerstuk.representative(),
        m.identifier(),
        m.documentType(),
        m.parliamentaryYear(),
        m.dossierNumber(),
        m.documentNumber(),
        m.title(),
        m.date(),
        m.askedBy(),
        m.parties(),
        m.addressedTo(),
        m.answeredBy(),
        Ministries.of(m.answeredBy(), m.addressedTo()),
        m.submittedDate(),
        m.receivedDate(),
        m.zaakNumbers(),
        m.documentNumbers(),
        m.committee(),
        SourceLink.of(kamerstuk.representativeFile()),
        kamerstuk.receivedAt(),
        kamerstuk.parsedAt());
  }
}
