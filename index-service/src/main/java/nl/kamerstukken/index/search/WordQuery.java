package nl.kamerstukken.index.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.kamerstukken.model.Json;

/**
 * The query for what a person typed ({@link QueryText}), ranked rather than all-or-nothing:
 *
 * <ul>
 *   <li>every word is a {@code should} clause, so a question matching some of the words is found
 *       and one matching more (or rarer) words ranks higher. Per word, the better of: the word in
 *       the analysed question (boosted), answer, title and metadata (askers, parties, ministry, who
 *       answered, to whom: {@code metadataText}), or one of its other spellings ({@link WordForms})
 *       in the unstemmed {@code .exact} fields;
 *   <li>every quoted phrase must occur, exactly, in the unstemmed text;
 *   <li>excluded words and phrases must not occur.
 * </ul>
 *
 * <p>Chosen by measurement (see {@code ./kamerstukken search-eval}): requiring every word lost
 * questions that use another word for one of them, and names, parties and ministries live only in
 * the metadata.
 */
final class WordQuery {

  /** Analysed fields and their boosts: the question says best what a Q&A is about. */
  static final List<String> TEXT_FIELDS =
      List.of("questionText^1.5", "answerText", "title", "metadataText");

  /** The unstemmed subfields: phrases, and the other spellings of a word. */
  static final List<String> EXACT_FIELDS =
      List.of("questionText.exact^1.5", "answerText.exact", "title.exact");

  /** A word matched in another spelling counts a little less than the word as typed. */
  static final double FORMS_BOOST = 0.8;

  private static final double TIE_BREAKER = 0.3;

  private WordQuery() {}

  static ObjectNode of(QueryText text) {
    ObjectNode query = Json.mapper().createObjectNode();
    ObjectNode bool = query.putObject("bool");
    List<String> words = meaningful(text.words());
    if (!words.isEmpty()) {
      ArrayNode should = bool.putArray("should");
      words.forEach(word -> should.add(word(word)));
    }
    ArrayNode must = bool.putArray("must");
    text.phrases().forEach(phrase -> must.add(phrase(phrase)));
    if (text.isEmpty()) {
      must.addObject().putObject("match_all");
    }
    if (!text.excludedWords().isEmpty() || !text.excludedPhrases().isEmpty()) {
      ArrayNode mustNot = bool.putArray("must_not");
      text.excludedWords().forEach(word -> mustNot.add(excluded(word)));
      text.excludedPhrases().forEach(phrase -> mustNot.add(phrase(phrase)));
    }
    bool.put("minimum_should_match", text.phrases().isEmpty() && !words.isEmpty() ? 1 : 0);
    return query;
  }

  /** Stop words are dropped, unless the query has nothing else. */
  private static List<String> meaningful(List<String> words) {
    List<String> kept = words.stream().filter(w -> !DutchStopWords.contains(w)).toList();
    return kept.isEmpty() ? words : kept;
  }

  private static ObjectNode word(String word) {
    ObjectNode clause = Json.mapper().createObjectNode();
    ArrayNode alternatives = clause.putObject("dis_max").putArray("queries");
    alternatives.add(multiMatch(word, TEXT_FIELDS));
    List<String> forms = WordForms.of(word);
    if (!forms.isEmpty()) {
      ObjectNode other = multiMatch(String.join(" ", forms), EXACT_FIELDS);
      ((ObjectNode) other.get("multi_match")).put("boost", FORMS_BOOST);
      alternatives.add(other);
    }
    return clause;
  }

  private static ObjectNode excluded(String word) {
    return multiMatch(
        word,
        List.of("questionText", "answerText", "title", "questionText.exact", "answerText.exact"));
  }

  private static ObjectNode phrase(String phrase) {
    ObjectNode query = multiMatch(phrase, EXACT_FIELDS);
    ((ObjectNode) query.get("multi_match")).put("type", "phrase");
    return query;
  }

  private static ObjectNode multiMatch(String text, List<String> fields) {
    ObjectNode query = Json.mapper().createObjectNode();
    ObjectNode match = query.putObject("multi_match").put("query", text);
    ArrayNode array = match.putArray("fields");
    fields.forEach(array::add);
    match.put("tie_breaker", TIE_BREAKER);
    return query;
  }
}
