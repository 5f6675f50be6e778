package nl.kamerstukken.model;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a Kamerstuk says about itself. Unknown values are null or empty lists, never absent.
 *
 * @param identifier publisher's identifier, e.g. {@code kst-26643-1522} or {@code
 *     ah-tk-20232024-1234}
 * @param documentType e.g. {@code aanhangsel-antwoord}, {@code commissie-vragen-antwoorden}, {@code
 *     motie}
 * @param parliamentaryYear e.g. {@code 2025-2026}
 * @param dossierNumber Kamerstuk dossier, e.g. {@code 26643}
 * @param documentNumber number within the dossier (or Aanhangsel number), e.g. {@code 1522}
 * @param title the subject, for Kamervragen the text after "over"
 * @param date the document's date
 * @param askedBy names of the members who asked, as printed
 * @param parties their parties, as printed
 * @param addressedTo to whom the questions were put
 * @param answeredBy who answered
 * @param submittedDate when the questions were submitted ("ingezonden")
 * @param receivedDate when the answer was received ("ontvangen")
 * @param zaakNumbers Zaak ids such as {@code 2026Z11981}
 * @param documentNumbers document ids such as {@code 2026D27213}
 * @param committee the committee that put the questions, if any
 * @param signatory who signed, if printed
 * @param seeAlso references to related documents ("Zie ook")
 * @param partiesPrinted the parties as printed ("P.v.d.A."), where {@code parties} holds them
 *     normalised ("PvdA"); empty when the print does not differ or is unknown (optional)
 * @param answeredByNames surnames of who answered, signer first (optional)
 * @param mededelingBy who sent a Mededeling (postponement) instead of answers, as {@code
 *     answeredBy} (optional)
 * @param mededelingByNames their surnames (optional)
 * @param mededelingDate the date of that Mededeling (optional)
 */
public record DocumentMetadata(
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
    LocalDate submittedDate,
    LocalDate receivedDate,
    List<String> zaakNumbers,
    List<String> documentNumbers,
    String committee,
    String signatory,
    List<String> seeAlso,
    List<String> partiesPrinted,
    List<String> answeredByNames,
    List<String> mededelingBy,
    List<String> mededelingByNames,
    LocalDate mededelingDate) {

  public DocumentMetadata {
    askedBy = copy(askedBy);
    parties = copy(parties);
    addressedTo = copy(addressedTo);
    answeredBy = copy(answeredBy);
    zaakNumbers = copy(zaakNumbers);
    documentNumbers = copy(documentNumbers);
    seeAlso = copy(seeAlso);
    partiesPrinted = copy(partiesPrinted);
    answeredByNames = copy(answeredByNames);
    mededelingBy = copy(mededelingBy);
    mededelingByNames = copy(mededelingByNames);
  }

  /** Metadata without the optional fields (printed parties, names, Mededeling). */
  public DocumentMetadata(
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
      LocalDate submittedDate,
      LocalDate receivedDate,
      List<String> zaakNumbers,
      List<String> documentNumbers,
      String committee,
      String signatory,
      List<String> seeAlso) {
    this(
        identifier,
        documentType,
        parliamentaryYear,
        dossierNumber,
        documentNumber,
        title,
        date,
        askedBy,
        parties,
        addressedTo,
        answeredBy,
        submittedDate,
        receivedDate,
        zaakNumbers,
        documentNumbers,
        committee,
        signatory,
        seeAlso,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * This metadata with the optional fields set: printed parties, the answerers' names, and who sent
   * a Mededeling instead of answers, with its names and date.
   */
  public DocumentMetadata withOptional(
      List<String> partiesPrinted,
      List<String> answeredByNames,
      List<String> mededelingBy,
      List<String> mededelingByNames,
      LocalDate mededelingDate) {
    return new DocumentMetadata(
        identifier,
        documentType,
        parliamentaryYear,
        dossierNumber,
        documentNumber,
        title,
        date,
        askedBy,
        parties,
        addressedTo,
        answeredBy,
        submittedDate,
        receivedDate,
        zaakNumbers,
        documentNumbers,
        committee,
        signatory,
        seeAlso,
        partiesPrinted,
        answeredByNames,
        mededelingBy,
        mededelingByNames,
        mededelingDate);
  }

  /** Metadata of which nothing is known. */
  public static DocumentMetadata empty() {
    return new DocumentMetadata(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /**
   * Field by field: {@code preferred}'s value where it knows one, else this one's. The rule for the
   * publisher's XML rendition over another rendition of the same Kamerstuk (offline {@code parse}
   * and assemble-service use it alike).
   */
  public DocumentMetadata preferring(DocumentMetadata preferred) {
    return new DocumentMetadata(
        first(preferred.identifier, identifier),
        first(preferred.documentType, documentType),
        first(preferred.parliamentaryYear, parliamentaryYear),
        first(preferred.dossierNumber, dossierNumber),
        first(preferred.documentNumber, documentNumber),
        first(preferred.title, title),
        first(preferred.date, date),
        list(preferred.askedBy, askedBy),
        list(preferred.parties, parties),
        list(preferred.addressedTo, addressedTo),
        list(preferred.answeredBy, answeredBy),
        first(preferred.submittedDate, submittedDate),
        first(preferred.receivedDate, receivedDate),
        list(preferred.zaakNumbers, zaakNumbers),
        list(preferred.documentNumbers, documentNumbers),
        first(preferred.committee, committee),
        first(preferred.signatory, signatory),
        list(preferred.seeAlso, seeAlso),
        list(preferred.partiesPrinted, partiesPrinted),
        list(preferred.answeredByNames, answeredByNames),
        list(preferred.mededelingBy, mededelingBy),
        list(preferred.mededelingByNames, mededelingByNames),
        first(preferred.mededelingDate, mededelingDate));
  }

  /**
   * This rendition's metadata enriched by the publisher's metadata record ({@code X.metadata.xml}):
   * the record decides the identifier, type, year, dossier and document number, dates and adds its
   * Zaak numbers first; the print decides the names, roles and title (the record spells names
   * differently: "S.P.R.A. van Weyenberg" for "Van Weyenberg") and the record fills them only where
   * the print has none. The same rule the parser applies offline to a record beside a file.
   */
  public DocumentMetadata enrichedBy(DocumentMetadata record) {
    LinkedHashSet<String> zaak = new LinkedHashSet<>(record.zaakNumbers);
    zaak.addAll(zaakNumbers);
    return new DocumentMetadata(
        first(record.identifier, identifier),
        first(record.documentType, documentType),
        first(record.parliamentaryYear, parliamentaryYear),
        first(record.dossierNumber, dossierNumber),
        first(record.documentNumber, documentNumber),
        first(title, record.title),
        first(record.date, date),
        list(askedBy, record.askedBy),
        list(parties, record.parties),
        list(addressedTo, record.addressedTo),
        list(answeredBy, record.answeredBy),
        first(record.submittedDate, submittedDate),
        first(record.receivedDate, receivedDate),
        List.copyOf(zaak),
        list(documentNumbers, record.documentNumbers),
        first(committee, record.committee),
        first(signatory, record.signatory),
        list(seeAlso, record.seeAlso),
        list(partiesPrinted, record.partiesPrinted),
        list(answeredByNames, record.answeredByNames),
        list(mededelingBy, record.mededelingBy),
        list(mededelingByNames, record.mededelingByNames),
        first(record.mededelingDate, mededelingDate));
  }

  private static <T> T first(T preferred, T fallback) {
    return preferred == null || preferred instanceof String s && s.isBlank() ? fallback : preferred;
  }

  private static List<String> list(List<String> preferred, List<String> fallback) {
    return preferred.isEmpty() ? fallback : preferred;
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
