package nl.kamerstukken.parse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects Tika's XHTML body as blocks (paragraphs, headings, list items, table cells): one string
 * per block, white space inside a block collapsed, so source line wrapping (HTML) does not split
 * paragraphs.
 */
final class BlockTextHandler extends DefaultHandler {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "td",
          "th",
          "tr",
          "br",
          "pre",
          "blockquote",
          "dt",
          "dd",
          "caption",
          "table",
          "ul",
          "ol",
          "body");
  private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style");

  private final List<String> blocks = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private final boolean keepLineBreaks;
  private int skipDepth;

  /**
   * @param keepLineBreaks true for plain text, where a line break inside a block is meaningful
   */
  BlockTextHandler(boolean keepLineBreaks) {
    this.keepLineBreaks = keepLineBreaks;
  }

  List<String> blocks() {
    flush();
    return blocks;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String name = name(localName, qName);
    if (SKIPPED.contains(name)) {
      skipDepth++;
    } else if (BLOCKS.contains(name)) {
      flush();
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = name(localName, qName);
    if (SKIPPED.contains(name)) {
      skipDepth = Math.max(0, skipDepth - 1);
    } else if (BLOCKS.contains(name)) {
      flush();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (skipDepth == 0) {
      current.append(ch, start, length);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    characters(ch, start, length);
  }

  private void flush() {
    String text = current.toString();
    current.setLength(0);
    if (text.isBlank()) {
      return;
    }
    blocks.add(
        keepLineBreaks
            ? text.strip()
            : text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip());
  }

  private static String name(String localName, String qName) {
    String name = localName == null || localName.isEmpty() ? qName : localName;
    return name.toLowerCase(Locale.ROOT);
  }
}
