package nl.kamerstukken.tools.score;

import java.util.List;
import java.util.Locale;

/**
 * Scores per document and in total.
 *
 * @param documents one score per file that has a truth
 */
public record ScoreReport(List<DocumentScore> documents) {

  public ScoreReport {
    documents = List.copyOf(documents);
  }

  public EntryScore questions() {
    return documents.stream()
        .map(DocumentScore::questions)
        .reduce(new EntryScore(0, 0, 0), EntryScore::plus);
  }

  public EntryScore answers() {
    return documents.stream()
        .map(DocumentScore::answers)
        .reduce(new EntryScore(0, 0, 0), EntryScore::plus);
  }

  /** Share of truth metadata fields matched over all documents. */
  public double metadataShare() {
    int fields = documents.stream().mapToInt(DocumentScore::metadataFields).sum();
    int matched = documents.stream().mapToInt(DocumentScore::metadataMatched).sum();
    return fields == 0 ? 1 : (double) matched / fields;
  }

  public int ocrWords() {
    return documents.stream().mapToInt(DocumentScore::ocrWords).sum();
  }

  public int ocrFound() {
    return documents.stream().mapToInt(DocumentScore::ocrFound).sum();
  }

  /** Negatives on which the parser found questions or answers anyway. */
  public List<DocumentScore> falsePositiveNegatives() {
    return documents.stream().filter(DocumentScore::falsePositiveOnNegative).toList();
  }

  /** A fixed-width table: one row per document, a total row, then what did not match. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    String header =
        String.format(
            Locale.ROOT,
            "%-44s %-35s %-17s %-17s %-9s %s%n",
            "document",
            "type",
            "questions P/R/F1",
            "answers P/R/F1",
            "metadata",
            "ocr");
    out.append(header).append("-".repeat(header.length() - 1)).append('\n');
    for (DocumentScore d : documents) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-44s %-35s %-17s %-17s %-9s %s%n",
              abbreviate(d.file(), 44),
              d.docType() + (d.negative() ? " (neg)" : ""),
              prf(d.questions()),
              prf(d.answers()),
              d.metadataMatched() + "/" + d.metadataFields(),
              d.ocrWords() == 0 ? "-" : d.ocrFound() + "/" + d.ocrWords()));
    }
    out.append("-".repeat(header.length() - 1)).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%-44s %-35s %-17s %-17s %-9s %s%n",
            "TOTAL (" + documents.size() + ")",
            "",
            prf(questions()),
            prf(answers()),
            String.format(Locale.ROOT, "%.1f%%", 100 * metadataShare()),
            ocrWords() == 0 ? "-" : ocrFound() + "/" + ocrWords()));
    out.append(
        String.format(
            Locale.ROOT,
            "questions: %d truth, %d found, %d matched; answers: %d truth, %d found,"
                + " %d matched; negatives with questions or answers: %d%n",
            questions().truth(),
            questions().found(),
            questions().matched(),
            answers().truth(),
            answers().found(),
            answers().matched(),
            falsePositiveNegatives().size()));
    for (DocumentScore d : documents) {
      d.misses()
          .forEach(
              miss -> out.append("  ").append(d.file()).append(": ").append(miss).append('\n'));
    }
    return out.toString();
  }

  private static String prf(EntryScore s) {
    return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", s.precision(), s.recall(), s.f1());
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }
}
