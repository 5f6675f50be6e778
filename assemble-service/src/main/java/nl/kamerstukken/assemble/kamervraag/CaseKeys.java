package nl.kamerstukken.assemble.kamervraag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import nl.kamerstukken.model.DocumentMetadata;

/**
 * The key of a case derived from what every document of it reprints, for documents that do not give
 * the Zaak number: the question document, the Mededeling and the Aanhangsel all print the same
 * header "Vragen van het lid X (Partij) aan ... over Z (ingezonden D)". The key is {@code
 * <ingezonden date>-<askers' surnames>-<first three words of the subject>}: lower case, accents and
 * punctuation dropped, surnames (the last word of each name, so "S.P.R.A. van Weyenberg" and "Van
 * Weyenberg" agree) sorted. Neither the addressee (printed as "de Minister van X" in one and
 * "minister van X" in another) nor the question texts are in it: the date, the askers and the
 * subject already tell apart two sets of questions by the same members on one day, and are what
 * every reprint keeps exactly.
 */
public final class CaseKeys {

  private static final int SUBJECT_WORDS = 3;

  private CaseKeys() {}

  /** The derived key, or null when the submitted date or the askers are unknown. */
  public static String derived(DocumentMetadata metadata) {
    if (metadata.submittedDate() == null || metadata.askedBy().isEmpty()) {
      return null;
    }
    TreeSet<String> surnames = new TreeSet<>();
    for (String name : metadata.askedBy()) {
      List<String> words = words(name);
      if (!words.isEmpty()) {
        surnames.add(words.get(words.size() - 1));
      }
    }
    if (surnames.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    parts.add(metadata.submittedDate().toString());
    parts.addAll(surnames);
    List<String> subject = words(metadata.title());
    parts.addAll(subject.subList(0, Math.min(SUBJECT_WORDS, subject.size())));
    return String.join("-", parts);
  }

  /** The first Zaak number of the document, or null. */
  public static String zaak(DocumentMetadata metadata) {
    return metadata.zaakNumbers().isEmpty() ? null : metadata.zaakNumbers().get(0);
  }

  static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", " ")
            .strip();
    return plain.isEmpty() ? List.of() : List.of(plain.split(" "));
  }
}
