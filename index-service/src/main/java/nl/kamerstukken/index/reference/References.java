package nl.kamerstukken.index.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.index.api.Reference;

/**
 * Finds references to other parliamentary documents in a text, the way they are printed in
 * Kamerstukken, and gives each the publisher's identifier:
 *
 * <ul>
 *   <li>"Kamerstuk 21 501-32, nr. 1703", "Kamerstukken II 2023/24, 36 410 XVI, nr. 160",
 *       "Kamerstukken II 2020/21, 22 112 nr. 2953" give {@code kst-21501-32-1703}, {@code
 *       kst-36410-XVI-160}, {@code kst-22112-2953};
 *   <li>"Aanhangsel Handelingen II 2023/24, nr. 1234" and "Aanhangsel Handelingen, vergaderjaar
 *       2023–2024, nr. 2147" give {@code ah-tk-20232024-1234} ({@code ah-ek-} for the Eerste Kamer,
 *       "Handelingen I");
 *   <li>identifiers written as such ({@code kst-}, {@code ah-tk-}, {@code ah-ek-}, {@code h-tk-},
 *       {@code h-ek-}, {@code kv-tk-}, {@code blg-});
 *   <li>Zaak numbers ({@code 2026Z11981}) and document numbers ({@code 2026D27213}).
 * </ul>
 *
 * Each identifier is reported once, in order of first occurrence. Stateless.
 */
public final class References {

  private static final Pattern KAMERSTUK =
      Pattern.compile(
          "Kamerstuk(?:ken)?(?:\\s+(?:I\\s?I|ll|I))?\\s*,?"
              + "(?:\\s*(?:vergaderjaar\\s+)?\\d{4}\\s*[/–-]\\s*\\d{2,4}\\s*,)?"
              + "\\s*(\\d{2}\\s?\\d{3})((?:-[0-9A-Z]{1,5})|(?:\\s+[IVXLC]{1,6}\\b))?"
              + "\\s*,?\\s*nrs?\\.\\s*(\\d+)");

  private static final Pattern AANHANGSEL =
      Pattern.compile(
          "Aanhangsel(?:\\s+van\\s+de)?\\s+Handelingen(?:\\s+(I\\s?I|ll|I)\\b)?\\s*,?"
              + "\\s*(?:vergaderjaar\\s+)?(\\d{4})\\s*[/–-]\\s*(\\d{2,4})\\s*,\\s*nr\\.\\s*(\\d+)");

  private static final Pattern IDENTIFIER =
      Pattern.compile("\\b(?:kst|ah-tk|ah-ek|h-tk|h-ek|kv-tk|blg)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*");

  private static final Pattern ZAAK = Pattern.compile("\\b(?:19|20)\\d{2}Z\\d{5}\\b");
  private static final Pattern DOCUMENT = Pattern.compile("\\b(?:19|20)\\d{2}D\\d{5}\\b");

  private References() {}

  /** The references in {@code texts}, without those to {@code own} (the document's own ids). */
  public static List<Reference> in(Collection<String> texts, Collection<String> own) {
    Map<String, Reference> found = new LinkedHashMap<>();
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        continue;
      }
      String flat = text.replaceAll("\\s+", " ");
      kamerstukken(flat, found);
      aanhangsels(flat, found);
      literal(flat, IDENTIFIER, Reference.IDENTIFIER, found);
      literal(flat, ZAAK, Reference.ZAAK, found);
      literal(flat, DOCUMENT, Reference.DOCUMENT, found);
    }
    own.forEach(found::remove);
    return new ArrayList<>(found.values());
  }

  private static void kamerstukken(String text, Map<String, Reference> found) {
    Matcher m = KAMERSTUK.matcher(text);
    while (m.find()) {
      String dossier = m.group(1).replace(" ", "");
      String sub = m.group(2) == null ? "" : "-" + m.group(2).strip().replaceFirst("^-", "");
      add(
          found,
          new Reference(Reference.KAMERSTUK, "kst-" + dossier + sub + "-" + m.group(3), m.group()));
    }
  }

  private static void aanhangsels(String text, Map<String, Reference> found) {
    Matcher m = AANHANGSEL.matcher(text);
    while (m.find()) {
      String chamber =
          m.group(1) == null || m.group(1).replace(" ", "").length() == 2 ? "tk" : "ek";
      String to = m.group(3).length() == 2 ? m.group(2).substring(0, 2) + m.group(3) : m.group(3);
      String identifier = "ah-" + chamber + "-" + m.group(2) + to + "-" + m.group(4);
      add(found, new Reference(Reference.AANHANGSEL, identifier, m.group()));
    }
  }

  private static void literal(
      String text, Pattern pattern, String kind, Map<String, Reference> found) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      add(found, new Reference(kind, m.group(), m.group()));
    }
  }

  private static void add(Map<String, Reference> found, Reference reference) {
    found.putIfAbsent(reference.identifier(), reference);
  }
}
