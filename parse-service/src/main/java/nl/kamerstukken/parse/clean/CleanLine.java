package nl.kamerstukken.parse.clean;

/**
 * A body line after cleaning: no running headers or footers, no footnotes, no footnote reference
 * digits.
 *
 * @param text the line's text; a word broken at the line end is already joined ({@code
 *     joinsPrevious})
 * @param page 1-based page number
 * @param paragraphStart whether a new paragraph starts with this line
 * @param joinsPrevious whether this line continues the previous line's last word (no space in
 *     between)
 * @param bold whether the line is set in a bold face
 * @param italic whether the line is set in an italic face
 * @param fontSize the line's font size in points, 0 when unknown
 */
public record CleanLine(
    String text,
    int page,
    boolean paragraphStart,
    boolean joinsPrevious,
    boolean bold,
    boolean italic,
    float fontSize) {

  CleanLine withText(String newText) {
    return new CleanLine(newText, page, paragraphStart, joinsPrevious, bold, italic, fontSize);
  }

  CleanLine joiningPrevious() {
    return new CleanLine(text, page, false, true, bold, italic, fontSize);
  }

  /** A copy that starts a paragraph of its own. */
  public CleanLine asParagraphStart() {
    return new CleanLine(text, page, true, false, bold, italic, fontSize);
  }

  /** A copy with other text that starts a paragraph. */
  public CleanLine startingParagraphWith(String newText) {
    return new CleanLine(newText, page, true, false, bold, italic, fontSize);
  }
}
