package nl.kamerstukken.parse.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The publisher's metadata record beside a file: {@code <name>.metadata.xml} ({@code <metadata
 * name=... content=...>}) or {@code <name>.metadata_owms.xml} (OWMS elements such as {@code
 * <overheidop:vergaderjaar>}), read into the names of the first form ({@code DC.identifier}, {@code
 * OVERHEIDop.vergaderjaar}, ...).
 */
public final class SiblingMetadata {

  private static final Logger LOG = LoggerFactory.getLogger(SiblingMetadata.class);

  private SiblingMetadata() {}

  /**
   * The properties of the record beside {@code file}, looked up by the stem of the file's own name
   * and of {@code originalName} (a blob store names files by hash); empty when there is none or it
   * is unreadable.
   */
  public static Map<String, List<String>> find(Path file, String originalName) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return Map.of();
    }
    for (String name : List.of(file.getFileName().toString(), baseName(originalName))) {
      String stem = stem(name);
      if (stem.isEmpty()) {
        continue;
      }
      for (String suffix : List.of(".metadata.xml", ".metadata_owms.xml")) {
        Path candidate = dir.resolve(stem + suffix);
        if (!candidate.equals(file.toAbsolutePath())
            && besideFile(candidate, dir)
            && Files.isRegularFile(candidate)) {
          Map<String, List<String>> properties = read(candidate);
          if (!properties.isEmpty()) {
            return properties;
          }
        }
      }
    }
    return Map.of();
  }

  /**
   * The last element of a name that came from an event: a name such as {@code ../../etc/x.pdf} must
   * never make us read outside the folder of the file itself.
   */
  public static String baseName(String name) {
    if (name == null) {
      return "";
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return last.equals("..") || last.equals(".") || last.indexOf('\0') >= 0 ? "" : last;
  }

  /**
   * Whether {@code candidate} lies directly in {@code dir} (no link or dot-dot leads elsewhere).
   */
  public static boolean besideFile(Path candidate, Path dir) {
    Path normal = candidate.normalize();
    return normal.getParent() != null
        && normal.getParent().equals(dir.normalize())
        && !Files.isSymbolicLink(candidate);
  }

  static String stem(String name) {
    String base = name.replaceFirst("\\.metadata(_owms)?\\.xml$", "");
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  static Map<String, List<String>> read(Path record) {
    Map<String, List<String>> properties = new LinkedHashMap<>();
    try (InputStream in = nl.kamerstukken.parse.extract.XmlStart.open(record)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList all = factory.newDocumentBuilder().parse(in).getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        if (e.hasAttribute("name") && e.hasAttribute("content")) {
          add(properties, e.getAttribute("name"), e.getAttribute("content"));
        } else if (isLeaf(e) && e.getPrefix() != null) {
          add(properties, owmsName(e.getPrefix(), e.getLocalName()), e.getTextContent());
        }
      }
    } catch (IOException | SAXException | ParserConfigurationException e) {
      LOG.warn("metadata record [{}] is unreadable and is ignored: [{}]", record, e.toString());
      return Map.of();
    }
    return properties;
  }

  private static boolean isLeaf(Element e) {
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element) {
        return false;
      }
    }
    return !e.getTextContent().isBlank();
  }

  private static String owmsName(String prefix, String local) {
    return switch (prefix) {
      case "dcterms" ->
          (List.of("identifier", "title", "type", "creator", "language").contains(local)
                  ? "DC."
                  : "DCTERMS.")
              + local;
      case "overheidop" -> "OVERHEIDop." + local;
      case "overheid" -> "OVERHEID." + local;
      default -> prefix + "." + local;
    };
  }

  private static void add(Map<String, List<String>> properties, String name, String value) {
    if (value != null && !value.isBlank()) {
      properties.computeIfAbsent(name, k -> new ArrayList<>()).add(value.strip());
    }
  }
}
