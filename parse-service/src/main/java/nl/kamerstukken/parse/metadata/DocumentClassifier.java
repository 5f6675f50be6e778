package nl.kamerstukken.parse.metadata;

import java.util.Locale;
import java.util.regex.Pattern;
import nl.kamerstukken.parse.segment.Segmentation;

/**
 * Names the kind of document, in the vocabulary of the corpus truth: aanhangsel-antwoord,
 * kamervragen (not yet answered), commissie-vragen-antwoorden, verslag-schriftelijk-overleg, brief,
 * motie, besluitenlijst, nota, scan (no text layer), other. The publisher's record decides when it
 * states the type.
 */
final class DocumentClassifier {

  private static final Pattern MOTION =
      Pattern.compile("(?s).*\\bDe Kamer,\\s+gehoord de beraadslaging.*");
  private static final Pattern LETTER =
      Pattern.compile(
          "(?s).*\\bGeachte (?:voorzitter|heer|mevrouw)\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOTA = Pattern.compile("(?i).*\\b\\p{L}*nota\\b.*");

  private DocumentClassifier() {}

  static String classify(Headers h, Segmentation segmentation, boolean scanned, String head) {
    if (scanned) {
      return "scan";
    }
    if (h.publisher().documentType() != null) {
      return h.publisher().documentType();
    }
    if (h.kamervragen() != null) {
      return h.kamervragen().answered() || !segmentation.answers().isEmpty()
          ? "aanhangsel-antwoord"
          : "kamervragen";
    }
    String byTitle = byStukTitle(h.kamerstuk().stukTitle(), segmentation);
    if (byTitle != null) {
      return byTitle;
    }
    if (h.other().besluitenlijst() != null) {
      return "besluitenlijst";
    }
    if (MOTION.matcher(head).matches()) {
      return "motie";
    }
    if (segmentation.layout() == Segmentation.Layout.COMMITTEE) {
      return "commissie-vragen-antwoorden";
    }
    if (h.other().consultedSubject() != null && !h.other().fractions().isEmpty()) {
      return "verslag-schriftelijk-overleg";
    }
    if (h.other().subject() != null || LETTER.matcher(head).matches()) {
      return "brief";
    }
    String heading = h.other().heading();
    boolean nota = heading != null && NOTA.matcher(heading).matches() || h.nota().title() != null;
    return nota ? "nota" : "other";
  }

  private static String byStukTitle(String stukTitle, Segmentation segmentation) {
    if (stukTitle == null) {
      return null;
    }
    String t = stukTitle.toLowerCase(Locale.ROOT);
    if (t.contains("motie")) {
      return "motie";
    }
    if (t.contains("verslag van een schriftelijk overleg")) {
      return "verslag-schriftelijk-overleg";
    }
    if (t.contains("lijst van vragen en antwoorden")) {
      return "commissie-vragen-antwoorden";
    }
    if (t.startsWith("brief")) {
      return segmentation.questions().isEmpty() ? "brief" : "commissie-vragen-antwoorden";
    }
    if (t.contains("amendement")) {
      return "amendement";
    }
    if (t.contains("besluitenlijst")) {
      return "besluitenlijst";
    }
    if (NOTA.matcher(t).matches()) {
      return "nota";
    }
    return t.contains("verslag") ? "verslag" : null;
  }

  /** The header readings a classification looks at. */
  record Headers(
      KamervraagHeader kamervragen,
      KamerstukHeader kamerstuk,
      OtherHeaders other,
      PublisherMetadata publisher,
      NotaHeading nota) {}
}
