package nl.kamerstukken.parse.extract;

import java.util.Arrays;
import org.apache.pdfbox.text.TextPosition;

/**
 * The glyphs drawn so far on one page, to drop a glyph drawn again on (nearly) the same spot: "fake
 * bold" and shadow effects draw every glyph twice. The rule is PDFBox's {@code
 * suppressDuplicateOverlappingText} (same text, x and y both closer than a third of the glyph's
 * width); PDFBox keeps sorted maps for it, which cost a quarter of our whole parse time, so here
 * the glyphs are bucketed by text and row in an open-addressing table of primitive arrays (a boxed
 * {@code HashMap} still cost a tenth of the parse).
 */
final class Overprints {

  /**
   * Height of a row bucket in points; a glyph is compared with those in the rows its tolerance
   * reaches.
   */
  private static final float ROW = 4f;

  private static final int INITIAL_BITS = 10;

  private long[] keys;
  private float[] xs;
  private float[] ys;
  private String[] texts;

  /** A slot is in use when its stamp is the current page's: a new page needs no clearing. */
  private int[] stamps;

  private int page = 1;
  private int size;
  private int bits;

  Overprints() {
    allocate(INITIAL_BITS);
  }

  /** Forgets the page's glyphs: call at every page start. */
  void clear() {
    size = 0;
    if (++page == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      page = 1;
    }
  }

  /** Whether the same text was drawn here before on this page; if not, the glyph is remembered. */
  boolean repeats(TextPosition glyph) {
    String text = glyph.getUnicode();
    if (text == null || text.isEmpty()) {
      return false;
    }
    float x = glyph.getX();
    float y = glyph.getY();
    float tolerance = glyph.getWidth() / text.length() / 3f;
    int row = (int) Math.floor(y / ROW);
    int reach = (int) Math.ceil(tolerance / ROW);
    int hash = text.hashCode();
    for (int r = row - reach; r <= row + reach; r++) {
      if (drawnNear(key(hash, r), text, x, y, tolerance)) {
        return true;
      }
    }
    remember(key(hash, row), text, x, y);
    return false;
  }

  private boolean drawnNear(long key, String text, float x, float y, float tolerance) {
    int mask = keys.length - 1;
    for (int i = slot(key); stamps[i] == page; i = (i + 1) & mask) {
      if (keys[i] == key
          && Math.abs(xs[i] - x) < tolerance
          && Math.abs(ys[i] - y) < tolerance
          && text.equals(texts[i])) {
        return true;
      }
    }
    return false;
  }

  private void remember(long key, String text, float x, float y) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key);
    while (stamps[i] == page) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    xs[i] = x;
    ys[i] = y;
    texts[i] = text;
    stamps[i] = page;
    size++;
  }

  private void grow() {
    long[] oldKeys = keys;
    float[] oldXs = xs;
    float[] oldYs = ys;
    String[] oldTexts = texts;
    int[] oldStamps = stamps;
    int current = page;
    allocate(bits + 1);
    page = 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldStamps[i] == current) {
        remember(oldKeys[i], oldTexts[i], oldXs[i], oldYs[i]);
      }
    }
  }

  private void allocate(int newBits) {
    bits = newBits;
    int capacity = 1 << newBits;
    keys = new long[capacity];
    xs = new float[capacity];
    ys = new float[capacity];
    texts = new String[capacity];
    stamps = new int[capacity];
  }

  /**
   * The bucket of a text and row. Keys only group candidates (every candidate is compared in full),
   * so two groups sharing a key is harmless. Text hash and row are both small numbers for single
   * glyphs, so they are multiplied by large odd constants and the slot taken from the key's high
   * bits.
   */
  private static long key(int textHash, int row) {
    return textHash * 0x9E3779B97F4A7C15L + row * 0xC2B2AE3D27D4EB4FL;
  }

  private int slot(long key) {
    return (int) (key >>> (64 - bits));
  }
}
