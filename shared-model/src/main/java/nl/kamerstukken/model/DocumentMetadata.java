package nl.kamerstukken.model;

import java.time.LocalDate;
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
    List<String> seeAlso) {

  public DocumentMetadata {
    askedBy = copy(askedBy);
    parties = copy(parties);
    addressedTo = copy(addressedTo);
    answeredBy = copy(answeredBy);
    zaakNumbers = copy(zaakNumbers);
    documentNumbers = copy(documentNumbers);
    seeAlso = copy(seeAlso);
  }

  /** Metadata of which nothing is known. */
  public static DocumentMetadata empty() {
    return new DocumentMetadata(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
