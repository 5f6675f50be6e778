package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins words broken at a line end (also across a page break). The hyphen is dropped ({@code regen-
 * / boogprovincie} becomes {@code regenboogprovincie}) unless it belongs to the word: before a
 * capital or digit ({@code Informatica- / CWI-}), after a capital or digit ({@code AI- /
 * verordening}), when the document spells the word with a hyphen elsewhere ({@code
 * lhbti-gemeenschap}); before a conjunction it is a shortened compound ({@code onderwijs- en}) and
 * stays followed by a space.
 */
final class Dehyphenator {

  private static final Pattern BROKEN = Pattern.compile("(\\p{L}[\\p{L}\\d]*)-$");
  private static final Pattern FIRST_WORD = Pattern.compile("^([\\p{L}\\d]+)");
  private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\d]+(?:-[\\p{L}\\d]+)+");
  private static final Set<String> CONJUNCTIONS = Set.of("en", "of", "tot", "noch", "en/of", "dan");

  private Dehyphenator() {}

  static List<CleanLine> apply(List<CleanLine> lines) {
    Set<String> vocabulary = vocabulary(lines);
    List<CleanLine> out = new ArrayList<>(lines);
    for (int i = 0; i + 1 < out.size(); i++) {
      CleanLine line = out.get(i);
      CleanLine next = out.get(i + 1);
      Matcher broken = BROKEN.matcher(line.text());
      Matcher first = FIRST_WORD.matcher(next.text());
      if (!broken.find() || !first.find() || line.text().endsWith(" -")) {
        continue;
      }
      String prefix = broken.group(1);
      String suffix = first.group(1);
      if (next.paragraphStart() && !Character.isLowerCase(suffix.charAt(0))) {
        continue;
      }
      if (CONJUNCTIONS.contains(next.text().split("\\s+", 2)[0].toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (!keepHyphen(prefix, suffix, vocabulary)) {
        out.set(i, line.withText(line.text().substring(0, line.text().length() - 1)));
      }
      out.set(i + 1, next.joiningPrevious());
    }
    return out;
  }

  private static boolean keepHyphen(String prefix, String suffix, Set<String> vocabulary) {
    char last = prefix.charAt(prefix.length() - 1);
    char firstOfSuffix = suffix.charAt(0);
    if (!Character.isLowerCase(firstOfSuffix)
        || Character.isUpperCase(last)
        || Character.isDigit(last)) {
      return true;
    }
    String lower = (prefix + "-" + suffix).toLowerCase(Locale.ROOT);
    return vocabulary.contains(lower);
  }

  /** Hyphenated words as the document spells them inside lines (not at a line end). */
  private static Set<String> vocabulary(List<CleanLine> lines) {
    Set<String> words = new HashSet<>();
    for (CleanLine line : lines) {
      if (line.text().indexOf('-') < 0) {
        continue;
      }
      Matcher m = HYPHENATED.matcher(line.text());
      while (m.find()) {
        collect(words, m.group().toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  /** Adds every pair of neighbouring parts: {@code a-b-c} gives {@code a-b} and {@code b-c}. */
  private static void collect(Set<String> words, String token) {
    String[] parts = token.split("-");
    for (int p = 0; p + 1 < parts.length; p++) {
      if (!parts[p].isEmpty() && !parts[p + 1].isEmpty()) {
        words.add(parts[p] + "-" + parts[p + 1]);
      }
    }
  }
}
