package nl.kamerstukken.ingest.source;

import java.util.Locale;

/**
 * Names that are never ingested: hidden entries and the temporary files that browsers, office
 * programs and copy tools write before the real file appears under its final name.
 */
final class NameRules {

  private NameRules() {}

  /** {@code .*}, {@code ~$*}, {@code *.part}, {@code *.tmp}, {@code *.crdownload} (any case). */
  static boolean ignored(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.startsWith("~$")) {
      return true;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".part") || lower.endsWith(".tmp") || lower.endsWith(".crdownload");
  }
}
