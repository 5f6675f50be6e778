package nl.kamerstukken.tools.relevance;

import java.util.Set;

/**
 * One query of a judged set with the Q&A a reader judged relevant to it.
 *
 * @param text the query as a user types it
 * @param relevant the relevant Q&A as {@code <identifier>#<question number>}, e.g. {@code
 *     ah-tk-20232024-2271#3}; a grouped question ("Vraag 3, 4 en 5") is met by any of its numbers
 * @param kind what the query tests (subject, inflection, name, party, ministry, paraphrase, ...),
 *     for the per-kind figures
 */
public record JudgedQuery(String text, Set<String> relevant, String kind) {

  public JudgedQuery {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a judged query needs its text");
    }
    relevant = Set.copyOf(relevant);
    if (relevant.isEmpty()) {
      throw new IllegalArgumentException("the query '" + text + "' has no relevant Q&A");
    }
    kind = kind == null || kind.isBlank() ? "query" : kind.strip();
  }
}
