package nl.kamerstukken.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

class OverprintsTest {

  private static final float PAGE_HEIGHT = 842f;
  private static final float WIDTH = 6f;

  private final Overprints overprints = new Overprints();

  @Test
  void aGlyphDrawnAgainWithinAThirdOfItsWidthRepeats() {
    assertThat(overprints.repeats(glyph("a", 100, 200))).isFalse();
    assertThat(overprints.repeats(glyph("a", 100.5f, 200.5f))).isTrue();
  }

  @Test
  void theSameTextFurtherAwayOrOtherTextOnTheSameSpotIsKept() {
    overprints.repeats(glyph("a", 100, 200));
    assertThat(overprints.repeats(glyph("a", 100 + WIDTH / 3 + 0.1f, 200))).isFalse();
    assertThat(overprints.repeats(glyph("a", 100, 200 + WIDTH / 3 + 0.1f))).isFalse();
    assertThat(overprints.repeats(glyph("b", 100, 200))).isFalse();
  }

  @Test
  void aGlyphNearARowBoundaryFindsItsTwinInTheNeighbouringRow() {
    overprints.repeats(glyph("x", 50, 399.9f));
    assertThat(overprints.repeats(glyph("x", 50, 400.1f))).isTrue();
  }

  @Test
  void aNewPageForgetsThePreviousPagesGlyphs() {
    overprints.repeats(glyph("a", 100, 200));
    overprints.clear();
    assertThat(overprints.repeats(glyph("a", 100, 200))).isFalse();
    assertThat(overprints.repeats(glyph("a", 100, 200))).isTrue();
  }

  @Test
  void aPageOfManyGlyphsKeepsEveryOneAfterTheTableGrows() {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    int count = 0;
    for (int line = 0; line < 60; line++) {
      for (int column = 0; column < 80; column++, count++) {
        String text = String.valueOf(letters.charAt(count % letters.length()));
        assertThat(overprints.repeats(glyph(text, 40 + column * WIDTH, 60 + line * 12))).isFalse();
      }
    }
    count = 0;
    for (int line = 0; line < 60; line++) {
      for (int column = 0; column < 80; column++, count++) {
        String text = String.valueOf(letters.charAt(count % letters.length()));
        assertThat(overprints.repeats(glyph(text, 40.3f + column * WIDTH, 60.2f + line * 12)))
            .as("glyph %d drawn again", count)
            .isTrue();
      }
    }
  }

  /**
   * A glyph {@link #WIDTH} wide whose top-left corner, in PDFBox's y-down text coordinates, is (x,
   * y).
   */
  private static TextPosition glyph(String text, float x, float y) {
    Matrix matrix = Matrix.getTranslateInstance(x, PAGE_HEIGHT - y);
    return new TextPosition(
        0,
        595f,
        PAGE_HEIGHT,
        matrix,
        x + WIDTH,
        PAGE_HEIGHT - y,
        10f,
        WIDTH,
        3f,
        text,
        new int[] {text.charAt(0)},
        null,
        10f,
        10);
  }
}
