package nl.kamerstukken.ingest.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nl.kamerstukken.ingest.source.SourceFileException;
import nl.kamerstukken.model.ReasonCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The manifestations of a record this source takes ({@code gzd:itemUrl manifestation=...}), the
 * file name each gets, and how its bytes are checked before they are kept: what the repository
 * sends is not trusted to be what the record says.
 */
enum Manifestation {
  /** The publisher's XML: well-formed, no DOCTYPE. */
  XML("xml", ".xml", 64L * 1024 * 1024),
  /**
   * The publisher's metadata record: root {@code metadata_gegevens} naming the record's identifier.
   */
  METADATA("metadata", ".metadata.xml", 8L * 1024 * 1024),
  /** The printed document: starts as a PDF does. */
  PDF("pdf", ".pdf", Long.MAX_VALUE);

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  final String attribute;
  final String suffix;
  final long ownLimit;

  Manifestation(String attribute, String suffix, long ownLimit) {
    this.attribute = attribute;
    this.suffix = suffix;
    this.ownLimit = ownLimit;
  }

  /**
   * Checks the staged bytes of the record {@code identifier}.
   *
   * @throws SourceFileException {@code FEED_ITEM_REFUSED} naming what is wrong
   */
  void check(Path staged, String identifier, String url) throws IOException {
    switch (this) {
      case PDF -> {
        byte[] head = new byte[PDF_MAGIC.length];
        try (var in = Files.newInputStream(staged)) {
          int n = in.readNBytes(head, 0, head.length);
          if (n < head.length || !Arrays.equals(head, PDF_MAGIC)) {
            throw refused(url + " is no PDF (it does not start with %PDF-)");
          }
        }
      }
      case XML -> parse(staged, url);
      case METADATA -> {
        Element root = parse(staged, url).getDocumentElement();
        if (!"metadata_gegevens".equals(root.getTagName())) {
          throw refused(url + " is no metadata record (root <" + root.getTagName() + ">)");
        }
        if (!identifier.equals(dcIdentifier(root))) {
          throw refused(
              url
                  + " is the metadata of ["
                  + dcIdentifier(root)
                  + "], not of ["
                  + identifier
                  + "]");
        }
      }
    }
  }

  private static Document parse(Path staged, String url) throws IOException {
    try {
      return SruPage.SafeXml.parse(Files.readAllBytes(staged), url);
    } catch (SourceFileException e) {
      throw e;
    } catch (IOException e) {
      throw refused(e.getMessage());
    }
  }

  private static String dcIdentifier(Element root) {
    NodeList entries = root.getElementsByTagName("metadata");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      if ("DC.identifier".equals(entry.getAttribute("name"))) {
        return entry.getAttribute("content").strip();
      }
    }
    return "";
  }

  static SourceFileException refused(String message) {
    return new SourceFileException(ReasonCode.FEED_ITEM_REFUSED, message, null);
  }
}
