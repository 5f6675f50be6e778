package nl.kamerstukken.index.search;

import java.util.Set;

/**
 * The Dutch stop words of Elasticsearch's {@code _dutch_} list (Lucene's Snowball list), which the
 * text fields drop at index and query time. The query builder drops them too before it looks words
 * up in fields that keep them (names, the unstemmed word forms): "de" must not rank a question by
 * "Romke de Jong".
 */
final class DutchStopWords {

  private static final Set<String> WORDS =
      Set.of(
          "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn",
          "is", "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan",
          "zou", "of", "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij",
          "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft",
          "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat",
          "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben",
          "zonder", "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd",
          "altijd", "doch", "wordt", "wezen", "kunnen", "ons", "zelf", "tegen", "na", "reeds",
          "wil", "kon", "niets", "uw", "iemand", "geweest", "andere");

  private DutchStopWords() {}

  static boolean contains(String word) {
    return WORDS.contains(word);
  }
}
