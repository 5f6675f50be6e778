package nl.kamerstukken.tools.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Segment;

/**
 * Scores parsed documents against the corpus truth ({@code <truth dir>/<name>.json} for a file
 * {@code <name>.<ext>}, so the PDF, XML, HTML and ODT renditions of one document share one truth).
 *
 * <p>Rule (as in the corpus README): a truth entry is found when a parsed segment has the same
 * numbers (in printed order) and its {@link Normaliser normalised} text starts with the truth's
 * {@code start} and ends with its {@code end}; each segment can match one entry. Precision =
 * matched / parsed, recall = matched / truth, F1 their harmonic mean, separately for questions and
 * answers, per document and summed over all documents (micro average). Metadata: the share of truth
 * fields matched, see {@link MetadataMatcher} for the rule per field. OCR: the share of the truth's
 * {@code ocrWords} found as whole words in the normalised text.
 */
public final class Scorer {

  private Scorer() {}

  /** A file and what the parser made of it. */
  public record Scored(Path file, DocumentParsed parsed) {}

  /** The truth file for {@code file}, or null when the corpus has none. */
  public static Path truthFor(Path truthDir, Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path truth = truthDir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".json");
    return Files.isRegularFile(truth) ? truth : null;
  }

  /** Scores every file that has a truth; files without one are skipped. */
  public static ScoreReport score(Path truthDir, List<Scored> documents) throws IOException {
    List<DocumentScore> scores = new ArrayList<>();
    for (Scored scored : documents) {
      Path truthFile = truthFor(truthDir, scored.file());
      if (truthFile != null) {
        scores.add(
            score(scored.file().getFileName().toString(), Truth.read(truthFile), scored.parsed()));
      }
    }
    return new ScoreReport(scores);
  }

  static DocumentScore score(String file, Truth truth, DocumentParsed parsed) {
    List<String> misses = new ArrayList<>();
    EntryScore questions = entries("Q", truth.questions(), parsed.questions(), misses);
    EntryScore answers = entries("A", truth.answers(), parsed.answers(), misses);
    int fields = 0;
    int matched = 0;
    for (MetadataMatcher.Field field : MetadataMatcher.compare(truth, parsed.metadata())) {
      fields++;
      if (field.matched()) {
        matched++;
      } else {
        misses.add(field.name() + ": expected " + field.expected() + ", got " + field.actual());
      }
    }
    String text = " " + Normaliser.normalise(parsed.text()) + " ";
    int ocrFound = 0;
    for (String word : truth.ocrWords()) {
      if (text.contains(" " + Normaliser.normalise(word) + " ")) {
        ocrFound++;
      } else {
        misses.add("ocr word not found: " + word);
      }
    }
    boolean negative = truth.questions().isEmpty() && truth.answers().isEmpty();
    return new DocumentScore(
        file,
        truth.docType(),
        negative,
        questions,
        answers,
        fields,
        matched,
        truth.ocrWords().size(),
        ocrFound,
        misses);
  }

  private static EntryScore entries(
      String kind, List<Truth.Entry> truth, List<Segment> parsed, List<String> misses) {
    boolean[] used = new boolean[parsed.size()];
    List<String> texts = parsed.stream().map(s -> Normaliser.normalise(s.text())).toList();
    int matched = 0;
    for (Truth.Entry entry : truth) {
      String start = Normaliser.normalise(entry.start());
      String end = Normaliser.normalise(entry.end());
      int hit = -1;
      for (int i = 0; i < parsed.size() && hit < 0; i++) {
        if (!used[i]
            && parsed.get(i).numbers().equals(entry.numbers())
            && texts.get(i).startsWith(start)
            && texts.get(i).endsWith(end)) {
          hit = i;
        }
      }
      if (hit >= 0) {
        used[hit] = true;
        matched++;
      } else {
        misses.add(
            kind
                + " "
                + entry.numbers()
                + " not found: \""
                + entry.start()
                + " ... "
                + entry.end()
                + "\""
                + closest(entry, parsed, texts));
      }
    }
    for (int i = 0; i < parsed.size(); i++) {
      if (!used[i]) {
        misses.add(
            kind + " " + parsed.get(i).numbers() + " extra: \"" + abbreviate(texts.get(i)) + "\"");
      }
    }
    return new EntryScore(truth.size(), parsed.size(), matched);
  }

  /** What the parser produced for the same numbers, to show why an entry did not match. */
  private static String closest(Truth.Entry entry, List<Segment> parsed, List<String> texts) {
    for (int i = 0; i < parsed.size(); i++) {
      if (parsed.get(i).numbers().equals(entry.numbers())) {
        return "; parsed: \"" + abbreviate(texts.get(i)) + "\"";
      }
    }
    return "; no segment with these numbers";
  }

  private static String abbreviate(String text) {
    return text.length() <= 160
        ? text
        : text.substring(0, 70) + " ... " + text.substring(text.length() - 70);
  }
}
