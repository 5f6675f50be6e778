package nl.kamerstukken.parse.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an XML file at its first {@code <}: real publisher files start with a UTF-8 byte order mark
 * and a line break before {@code <?xml}, which XML parsers refuse ("processing instruction target
 * matching [xX][mM][lL] is not allowed"). Only a BOM and whitespace are skipped; anything else
 * before the markup stays and is refused by the parser as before.
 */
public final class XmlStart {

  private XmlStart() {}

  /** The file's bytes from its first non-BOM, non-whitespace byte. */
  public static InputStream open(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    while (start < bytes.length
        && (bytes[start] == ' '
            || bytes[start] == '\n'
            || bytes[start] == '\r'
            || bytes[start] == '\t')) {
      start++;
    }
    return new ByteArrayInputStream(bytes, start, bytes.length - start);
  }
}
