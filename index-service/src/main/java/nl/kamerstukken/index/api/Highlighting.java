package nl.kamerstukken.index.api;

/**
 * How matching words are marked in fragments.
 *
 * @param preTag put before a matching word
 * @param postTag put after it
 * @param html whether the fragment text is HTML-escaped (for a page: then the fragments can be
 *     inserted as HTML safely, only the tags are markup)
 */
public record Highlighting(String preTag, String postTag, boolean html) {

  /** {@code <mark>word</mark>} in escaped text: for the search page and the JSON API. */
  public static final Highlighting HTML = new Highlighting("<mark>", "</mark>", true);

  /** Plain text with the given markers, e.g. ANSI bold for a terminal. */
  public static Highlighting plain(String preTag, String postTag) {
    return new Highlighting(preTag, postTag, false);
  }
}
