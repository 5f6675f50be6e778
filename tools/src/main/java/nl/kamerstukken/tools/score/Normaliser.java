package nl.kamerstukken.tools.score;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The corpus scoring normalisation (../shared/corpus-historical/README.md, also used for
 * ../shared/corpus): lower case; soft hyphens deleted; a hyphen between two letters deleted with
 * any whitespace after it ("ge-qualificeerd", "toetre-\ndingsakte" are one word), so hyphenation
 * style neither helps nor hurts; then letters and digits only, words separated by one space.
 */
public final class Normaliser {

  private static final Pattern HYPHEN_BETWEEN_LETTERS =
      Pattern.compile("(?<=\\p{L})-\\s*(?=\\p{L})");

  private Normaliser() {}

  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String lower =
        HYPHEN_BETWEEN_LETTERS
            .matcher(text.toLowerCase(Locale.ROOT).replace("\u00ad", ""))
            .replaceAll("");
    StringBuilder out = new StringBuilder(lower.length());
    boolean space = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        out.appendCodePoint(c);
        space = false;
      } else {
        space = true;
      }
    }
    return out.toString();
  }
}
