package nl.kamerstukken.index.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a person typed in the query box, taken apart: words (ranked, any of them may match), {@code
 * "quoted phrases"} (each must occur exactly, on the unstemmed text) and exclusions ({@code -word},
 * {@code -"a phrase"}). An unclosed quote runs to the end. Punctuation around a word is dropped;
 * inside it is kept ({@code Saudi-Arabië}, {@code regio's}).
 *
 * @param words the words, lower case, in order, duplicates removed
 * @param phrases the quoted phrases, as typed
 * @param excludedWords words after a minus, lower case
 * @param excludedPhrases quoted phrases after a minus
 */
record QueryText(
    List<String> words,
    List<String> phrases,
    List<String> excludedWords,
    List<String> excludedPhrases) {

  QueryText {
    words = List.copyOf(words);
    phrases = List.copyOf(phrases);
    excludedWords = List.copyOf(excludedWords);
    excludedPhrases = List.copyOf(excludedPhrases);
  }

  static QueryText parse(String text) {
    List<String> words = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> excludedWords = new ArrayList<>();
    List<String> excludedPhrases = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean excluded = c == '-' && i + 1 < text.length() && !isSpace(text.charAt(i + 1));
      int start = excluded || c == '+' ? i + 1 : i;
      if (start < text.length() && text.charAt(start) == '"') {
        int close = text.indexOf('"', start + 1);
        int end = close < 0 ? text.length() : close;
        String phrase = text.substring(start + 1, end).strip();
        if (!phrase.isEmpty()) {
          (excluded ? excludedPhrases : phrases).add(phrase);
        }
        i = close < 0 ? text.length() : close + 1;
        continue;
      }
      int end = start;
      while (end < text.length() && !isSpace(text.charAt(end)) && text.charAt(end) != '"') {
        end++;
      }
      String word = trimPunctuation(text.substring(start, end)).toLowerCase(Locale.ROOT);
      List<String> target = excluded ? excludedWords : words;
      if (!word.isEmpty() && !target.contains(word)) {
        target.add(word);
      }
      i = Math.max(end, start + 1);
    }
    return new QueryText(words, phrases, excludedWords, excludedPhrases);
  }

  /** Whether nothing is asked for: no words and no phrases (exclusions alone still list all). */
  boolean isEmpty() {
    return words.isEmpty() && phrases.isEmpty();
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c);
  }

  private static String trimPunctuation(String word) {
    int from = 0;
    int to = word.length();
    while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
      from++;
    }
    while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1))) {
      to--;
    }
    return word.substring(from, to);
  }
}
