package nl.kamerstukken.parse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.kamerstukken.model.Footnote;
import nl.kamerstukken.model.ReasonCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the publisher's XML ({@code <officiele-publicatie>}, officielebekendmakingen.nl) with its
 * structure: every element that holds text is a paragraph, {@code <vraag>}/{@code <antwoord>} with
 * their {@code <nr>} label become marked questions and answers, {@code <noot>} becomes a footnote.
 * Other XML returns null so the caller can read it as text. Thread-safe.
 */
public final class PublisherXmlExtractor {

  static final String ROOT = "officiele-publicatie";
  private static final Set<String> SEGMENTS = Set.of("vraag", "antwoord");
  private static final Pattern SELF =
      Pattern.compile("/((?:ah|kst|h|kv|blg|stb|stcrt)-[A-Za-z0-9-]+)/metadata\\.xml$");

  /** The extraction, or null when the file is XML but not an officiele-publicatie. */
  public Extraction extract(Path file, String fileName) throws ExtractionFailure {
    Document document = parse(file, fileName);
    Element root = document.getDocumentElement();
    if (!ROOT.equals(localName(root))) {
      return null;
    }
    Walk walk = new Walk();
    walk.element(root, null);
    List<TextLine> lines = new ArrayList<>();
    float y = 0;
    for (String paragraph : walk.paragraphs) {
      y += 2 * PlainLines.STEP;
      lines.add(TextLine.plain(1, y, paragraph));
    }
    return new Extraction(
        "application/xml",
        0,
        List.of(),
        lines,
        walk.properties,
        walk.segments,
        walk.footnotes,
        List.of(),
        List.of(),
        List.of());
  }

  private static Document parse(Path file, String fileName) throws ExtractionFailure {
    try (InputStream in = XmlStart.open(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(in);
    } catch (SAXException | IOException e) {
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT,
          fileName
              + " is not well-formed XML ("
              + e.getMessage()
              + "); check that the file is complete",
          e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser does not support secure processing", e);
    }
  }

  private static String localName(Node node) {
    return node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
  }

  /**
   * One pass over the tree, collecting paragraphs, marked segments, footnotes and {@code <meta>}.
   */
  private static final class Walk {
    final List<String> paragraphs = new ArrayList<>();
    final List<Extraction.MarkedSegment> segments = new ArrayList<>();
    final List<Footnote> footnotes = new ArrayList<>();
    final Map<String, List<String>> properties = new LinkedHashMap<>();

    /**
     * The XML names itself: the link to its own metadata record ({@code
     * .../ah-tk-20202021-3235/metadata.xml}) gives its identifier when no record lies beside it (as
     * in the running pipeline).
     */
    void selfNamed(String name, String content) {
      Matcher m = SELF.matcher(content == null ? "" : content);
      if ("OVERHEIDop.externMetadataRecord".equals(name) && m.find()) {
        properties.putIfAbsent("DC.identifier", List.of(m.group(1)));
      }
    }

    void element(Element element, List<String> segmentParagraphs) {
      String name = localName(element);
      if ("meta".equals(name) && element.hasAttribute("name")) {
        properties
            .computeIfAbsent(element.getAttribute("name"), k -> new ArrayList<>())
            .add(element.getAttribute("content"));
        selfNamed(element.getAttribute("name"), element.getAttribute("content"));
        return;
      }
      if ("kamervraagnummer".equals(name)) {
        properties.putIfAbsent("OVERHEIDop.aanhangselNummer", List.of(text(element)));
      }
      if ("noot".equals(name)) {
        footnote(element);
        return;
      }
      if (SEGMENTS.contains(name) && segmentParagraphs == null) {
        segment(element, "vraag".equals(name));
        return;
      }
      if (hasOwnText(element)) {
        String text = text(element);
        if (!text.isEmpty()) {
          paragraphs.add(text);
          if (segmentParagraphs != null && !"nr".equals(name)) {
            segmentParagraphs.add(text);
          }
        }
        return;
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element e) {
          element(e, segmentParagraphs);
        }
      }
    }

    private void segment(Element element, boolean question) {
      List<String> body = new ArrayList<>();
      String label = "";
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element e && "nr".equals(localName(e))) {
          label = text(e);
        }
      }
      element(element, body);
      if (!label.isEmpty()) {
        segments.add(new Extraction.MarkedSegment(question, label, body));
      }
    }

    private void footnote(Element note) {
      String number = "";
      StringBuilder text = new StringBuilder();
      for (Node child = note.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element e && localName(e).endsWith("nr")) {
          number = text(e);
        } else {
          text.append(child.getTextContent()).append(' ');
        }
      }
      footnotes.add(
          new Footnote(
              number.isEmpty() ? String.valueOf(footnotes.size() + 1) : number,
              text.toString().replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip()));
    }

    /**
     * The element's text without footnotes (which are collected instead), white space collapsed.
     */
    private String text(Element element) {
      StringBuilder text = new StringBuilder();
      append(element, text);
      return text.toString().replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    }

    private void append(Node node, StringBuilder text) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeType() == Node.TEXT_NODE
            || child.getNodeType() == Node.CDATA_SECTION_NODE) {
          text.append(child.getNodeValue());
        } else if (child instanceof Element e && "noot".equals(localName(e))) {
          footnote(e);
        } else if (child instanceof Element e) {
          append(e, text);
        }
      }
    }

    private static boolean hasOwnText(Element element) {
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
          return true;
        }
      }
      return false;
    }
  }
}
