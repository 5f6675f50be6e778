package nl.kamerstukken.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One {@code sru:searchRetrieveResponse} (SRU 2.0, record schema {@code gzd}), read without
 * trusting it: a DOCTYPE is refused (no entities, nothing external is ever resolved), and the parts
 * this source uses are taken by namespace and local name.
 *
 * @param numberOfRecords as the repository says (an estimate); -1 if absent
 * @param nextRecordPosition where the next page starts; 0 on the last page
 * @param echoedStartRecord the {@code startRecord} the repository says it answered; 0 if absent
 * @param echoedQuery the query the repository says it answered; empty if absent
 * @param diagnostics SRU diagnostics (an error of the request, e.g. a bad CQL query)
 */
public record SruPage(
    long numberOfRecords,
    int nextRecordPosition,
    int echoedStartRecord,
    String echoedQuery,
    List<SruRecord> records,
    List<String> diagnostics) {

  static final String SRU = "http://docs.oasis-open.org/ns/search-ws/sruResponse";
  static final String DIAG = "http://docs.oasis-open.org/ns/search-ws/diagnostic";
  static final String GZD = "http://standaarden.overheid.nl/sru";
  static final String DCTERMS = "http://purl.org/dc/terms/";

  public SruPage {
    records = List.copyOf(records);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * @throws IOException when the bytes are not an SRU response (not XML, a DOCTYPE, another root)
   */
  public static SruPage parse(byte[] bytes) throws IOException {
    Document document = SafeXml.parse(bytes, "the SRU response");
    Element root = document.getDocumentElement();
    if (!SRU.equals(root.getNamespaceURI())
        || !"searchRetrieveResponse".equals(root.getLocalName())) {
      throw new IOException(
          "the SRU response is not an sru:searchRetrieveResponse but <" + root.getTagName() + ">");
    }
    List<SruRecord> records = new ArrayList<>();
    for (Element record : children(root, SRU, "records", "record")) {
      records.add(record(record));
    }
    List<String> diagnostics = new ArrayList<>();
    NodeList messages = root.getElementsByTagNameNS(DIAG, "message");
    for (int i = 0; i < messages.getLength(); i++) {
      diagnostics.add(messages.item(i).getTextContent().strip());
    }
    NodeList details = root.getElementsByTagNameNS(DIAG, "details");
    for (int i = 0; i < details.getLength(); i++) {
      diagnostics.add(details.item(i).getTextContent().strip());
    }
    Element echoed = first(root, SRU, "echoedSearchRetrieveRequest");
    return new SruPage(
        number(text(first(root, SRU, "numberOfRecords")), -1),
        (int) number(text(first(root, SRU, "nextRecordPosition")), 0),
        echoed == null ? 0 : (int) number(text(first(echoed, SRU, "startRecord")), 0),
        echoed == null ? "" : text(first(echoed, SRU, "query")),
        records,
        diagnostics);
  }

  private static SruRecord record(Element record) {
    String identifier = text(descendant(record, DCTERMS, "identifier"));
    String timestamp = text(descendant(record, GZD, "timestamp"));
    String version =
        timestamp.isEmpty() ? text(descendant(record, DCTERMS, "modified")) : timestamp;
    Map<String, String> items = new LinkedHashMap<>();
    NodeList urls = record.getElementsByTagNameNS(GZD, "itemUrl");
    for (int i = 0; i < urls.getLength(); i++) {
      Element url = (Element) urls.item(i);
      items.putIfAbsent(url.getAttribute("manifestation"), url.getTextContent().strip());
    }
    return new SruRecord(identifier, version, items);
  }

  /** The elements {@code path[0]/path[1]/...} below {@code parent}, children only. */
  private static List<Element> children(Element parent, String ns, String... path) {
    List<Element> level = List.of(parent);
    for (String name : path) {
      List<Element> next = new ArrayList<>();
      for (Element e : level) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element child
              && ns.equals(child.getNamespaceURI())
              && name.equals(child.getLocalName())) {
            next.add(child);
          }
        }
      }
      level = next;
    }
    return level;
  }

  private static Element first(Element parent, String ns, String name) {
    List<Element> found = children(parent, ns, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static Element descendant(Element parent, String ns, String name) {
    NodeList found = parent.getElementsByTagNameNS(ns, name);
    return found.getLength() == 0 ? null : (Element) found.item(0);
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent().strip();
  }

  private static long number(String text, long absent) {
    if (text.isEmpty()) {
      return absent;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return absent;
    }
  }

  /** XML parsing that refuses a DOCTYPE, so no entity is expanded and nothing external is read. */
  static final class SafeXml {

    private SafeXml() {}

    static Document parse(byte[] bytes, String what) throws IOException {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
      } catch (SAXException e) {
        throw new IOException(what + " is not well-formed XML without DOCTYPE: " + e.getMessage());
      }
    }
  }
}
