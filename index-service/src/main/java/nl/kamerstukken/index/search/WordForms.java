package nl.kamerstukken.index.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The other spellings a Dutch word takes as singular, plural or a closely derived form, generated
 * by the regular rules of Dutch spelling: {@code -s}, {@code -'s}, {@code -en} (with a doubled
 * consonant after a short vowel, a single vowel after a long one, {@code f}/{@code s} voiced to
 * {@code v}/{@code z}), {@code -n} after {@code e}, {@code -eren}, and the verb/noun pair {@code
 * -ing} / {@code -en}, {@code -d}, {@code -t}; in both directions ("winstmarge" gives
 * "winstmarges", "verzekeringsartsen" gives "verzekeringsarts").
 *
 * <p>Why at query time: stemmers leave many such pairs apart (Snowball: sanctie/sancties,
 * winstmarge/winstmarges; the Hunspell dictionary: compounds it does not list, such as
 * wachtlijst/wachtlijsten), and whatever the cluster's analysis, the unstemmed {@code .exact}
 * fields hold the forms as printed. The query looks these forms up there as exact words, so a
 * singular finds a text that has only the plural on every cluster. Rules over-generate: most forms
 * are no words at all and simply match nothing.
 */
final class WordForms {

  /** Shorter words have too many unrelated look-alikes ("wet", "weten"). */
  static final int MIN_LENGTH = 4;

  private static final Pattern LETTERS = Pattern.compile("[\\p{IsLatin}]+(?:'s)?");
  private static final String VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü";

  private WordForms() {}

  /** The word's other forms, lower case, without the word itself; empty for short or odd words. */
  static List<String> of(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    if (w.length() < MIN_LENGTH || !LETTERS.matcher(w).matches()) {
      return List.of();
    }
    Set<String> forms = new LinkedHashSet<>();
    singulars(w, forms);
    plurals(w, forms);
    derived(w, forms);
    forms.remove(w);
    forms.removeIf(f -> f.length() < 3);
    return List.copyOf(forms);
  }

  /** If {@code w} is a plural: the singulars it can come from. */
  private static void singulars(String w, Set<String> forms) {
    if (w.endsWith("'s")) {
      forms.add(w.substring(0, w.length() - 2));
      return;
    }
    if (w.endsWith("eren") && w.length() > 6) {
      forms.add(cut(w, 4)); // kinderen -> kind
    }
    if (w.endsWith("en") && w.length() >= 5) {
      String stem = cut(w, 2);
      forms.add(stem); // artsen -> arts, wachtlijsten -> wachtlijst
      forms.add(cut(w, 1)); // gemeenten -> gemeente
      char last = stem.charAt(stem.length() - 1);
      if (last == 'v') {
        forms.add(cut(stem, 1) + "f"); // brieven -> brief
      } else if (last == 'z') {
        forms.add(cut(stem, 1) + "s"); // prijzen -> prijs
      }
      if (isDoubledConsonant(stem)) {
        forms.add(cut(stem, 1)); // lessen -> les
      }
      if (endsConsonantVowelConsonant(stem) && "aeou".indexOf(vowelBeforeLast(stem)) >= 0) {
        forms.add(cut(stem, 1) + stem.charAt(stem.length() - 2) + last); // vragen -> vraag
      }
    } else if (w.endsWith("s") && !w.endsWith("ss") && w.length() > MIN_LENGTH) {
      forms.add(cut(w, 1)); // winstmarges -> winstmarge, sancties -> sanctie
    }
  }

  /** If {@code w} is a singular: the plurals it can take. */
  private static void plurals(String w, Set<String> forms) {
    char last = w.charAt(w.length() - 1);
    forms.add(w + "s");
    forms.add(w + "en");
    if (last == 'e') {
      forms.add(w + "n"); // gemeente -> gemeenten
    } else if (isVowel(last)) {
      forms.add(w + "'s"); // regio -> regio's
    }
    if (endsConsonantVowelConsonant(w) && !isVowel(w.charAt(w.length() - 3))) {
      forms.add(w + last + "en"); // les -> lessen, kabinet -> kabinetten
    }
    if (!isVowel(last)
        && w.charAt(w.length() - 2) == w.charAt(w.length() - 3)
        && "aeou".indexOf(w.charAt(w.length() - 2)) >= 0) {
      forms.add(cut(w, 2) + last + "en"); // vraag -> vragen
    }
    if (last == 'f') {
      forms.add(cut(w, 1) + "ven"); // brief -> brieven
    } else if (last == 's' && (isVowel(w.charAt(w.length() - 2)) || w.endsWith("ijs"))) {
      forms.add(cut(w, 1) + "zen"); // huis -> huizen, prijs -> prijzen
    }
    if (!isVowel(last)) {
      forms.add(w + "eren"); // kind -> kinderen
    }
  }

  /** The verb and its noun in {@code -ing}: bekostigen, bekostigd, bekostigt, bekostiging. */
  private static void derived(String w, Set<String> forms) {
    if (w.length() <= 7) {
      return;
    }
    if (w.endsWith("ing")) {
      String stem = cut(w, 3);
      forms.add(stem + "en");
      forms.add(stem + "d");
      forms.add(stem + "t");
    } else if (w.endsWith("en")) {
      forms.add(cut(w, 2) + "ing");
    } else if ((w.endsWith("d") || w.endsWith("t")) && !isVowel(w.charAt(w.length() - 2))) {
      forms.add(cut(w, 1) + "ing");
    }
  }

  private static String cut(String w, int n) {
    return w.substring(0, w.length() - n);
  }

  private static boolean isVowel(char c) {
    return VOWELS.indexOf(c) >= 0;
  }

  private static boolean isDoubledConsonant(String s) {
    int n = s.length();
    return n >= 3 && s.charAt(n - 1) == s.charAt(n - 2) && !isVowel(s.charAt(n - 1));
  }

  /** Ends in consonant, one vowel, consonant ("vrag", "les"); the vowel is not doubled. */
  private static boolean endsConsonantVowelConsonant(String s) {
    int n = s.length();
    return n >= 3
        && !isVowel(s.charAt(n - 1))
        && isVowel(s.charAt(n - 2))
        && !isVowel(s.charAt(n - 3));
  }

  private static char vowelBeforeLast(String s) {
    return s.charAt(s.length() - 2);
  }
}
