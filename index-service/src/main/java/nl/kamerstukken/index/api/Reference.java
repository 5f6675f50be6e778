package nl.kamerstukken.index.api;

/**
 * A reference in a Kamerstuk's text to another parliamentary document or case.
 *
 * @param kind {@code kamerstuk}, {@code aanhangsel} (Kamervragen answered in the Aanhangsel van de
 *     Handelingen), {@code identifier} (an identifier written as such, e.g. {@code kst-...}),
 *     {@code zaak} (a Zaak number such as {@code 2026Z11981}) or {@code document} (a document
 *     number such as {@code 2026D27213})
 * @param identifier what it points to, as the publisher identifies it: {@code kst-21501-32-1703},
 *     {@code ah-tk-20232024-1234}, {@code 2026Z11981}
 * @param text the reference as printed
 */
public record Reference(String kind, String identifier, String text) {

  public static final String KAMERSTUK = "kamerstuk";
  public static final String AANHANGSEL = "aanhangsel";
  public static final String IDENTIFIER = "identifier";
  public static final String ZAAK = "zaak";
  public static final String DOCUMENT = "document";

  /**
   * Whether the identifier is a publication ({@code kst-}, {@code ah-}, ...), not a case number.
   */
  public boolean pointsAtPublication() {
    return !ZAAK.equals(kind) && !DOCUMENT.equals(kind);
  }
}
