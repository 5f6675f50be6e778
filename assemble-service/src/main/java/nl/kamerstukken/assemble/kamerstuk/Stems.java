package nl.kamerstukken.assemble.kamerstuk;

import java.util.Locale;
import nl.kamerstukken.model.DocumentParsed;

/**
 * The stem that pairs a publisher metadata record with the renditions beside it: the folder (or
 * bucket prefix) and the base name without its extension and without {@code .metadata} or {@code
 * .metadata_owms}. {@code 2021/X.pdf}, {@code 2021/X.metadata.xml} and {@code
 * 2021/X.metadata_owms.xml} share the stem {@code 2021/X}; {@code 2022/X.pdf} does not.
 */
public final class Stems {

  private Stems() {}

  /** The stem of a parsed file: from its source path, else (parsed offline) its file name. */
  public static String of(DocumentParsed parsed) {
    String path = parsed.source().sourcePath();
    return of(path == null || path.isBlank() ? parsed.source().fileName() : path);
  }

  static String of(String path) {
    if (path == null || path.isBlank()) {
      return "";
    }
    String unified = path.replace('\\', '/');
    int slash = unified.lastIndexOf('/');
    String folder = unified.substring(0, slash + 1);
    String name = unified.substring(slash + 1);
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".metadata_owms.xml", ".metadata.xml"}) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        return folder + name.substring(0, name.length() - suffix.length());
      }
    }
    int dot = name.lastIndexOf('.');
    return folder + (dot > 0 ? name.substring(0, dot) : name);
  }
}
