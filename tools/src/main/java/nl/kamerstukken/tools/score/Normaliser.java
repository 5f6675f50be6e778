package nl.kamerstukken.tools.score;

import java.util.Locale;

/**
 * The corpus scoring normalisation: lower case, letters and digits only, words separated by one
 * space.
 */
public final class Normaliser {

  private Normaliser() {}

  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT);
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
