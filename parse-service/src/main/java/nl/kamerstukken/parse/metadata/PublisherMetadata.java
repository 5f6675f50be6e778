package nl.kamerstukken.parse.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields a publisher's metadata record (metadata.xml, HTML {@code <meta>}, XML {@code <meta>})
 * states, by the officielebekendmakingen names. Missing fields are null or empty.
 */
record PublisherMetadata(
    String identifier,
    String documentType,
    String parliamentaryYear,
    String dossierNumber,
    String documentNumber,
    String title,
    LocalDate date,
    LocalDate submittedDate,
    LocalDate receivedDate,
    List<String> zaakNumbers,
    List<String> askedBy) {

  static PublisherMetadata of(Map<String, List<String>> properties) {
    List<String> zaak = new ArrayList<>();
    for (String value : values(properties, "OVERHEIDop.vraagnummer")) {
      if (value.matches("(?:19|20)\\d{2}Z\\d{5}")) {
        zaak.add(value);
      }
    }
    String number = first(properties, "OVERHEIDop.ondernummer");
    number = number == null ? first(properties, "OVERHEIDop.aanhangselNummer") : number;
    return new PublisherMetadata(
        identifier(first(properties, "DC.identifier")),
        documentType(values(properties, "DC.type")),
        first(properties, "OVERHEIDop.vergaderjaar"),
        first(properties, "OVERHEIDop.dossiernummer"),
        number,
        first(properties, "OVERHEIDop.documenttitel"),
        date(first(properties, "DCTERMS.issued")),
        date(first(properties, "OVERHEIDop.datumIndiening")),
        date(first(properties, "OVERHEIDop.datumOntvangst")),
        zaak,
        values(properties, "OVERHEIDop.indiener"));
  }

  /** These values as the metadata of a publisher metadata record (no names as printed). */
  nl.kamerstukken.model.DocumentMetadata toMetadata() {
    return new nl.kamerstukken.model.DocumentMetadata(
        identifier,
        documentType,
        parliamentaryYear == null ? null : parliamentaryYear.replace('–', '-'),
        dossierNumber,
        documentNumber,
        title,
        date,
        askedBy,
        List.of(),
        List.of(),
        List.of(),
        submittedDate,
        receivedDate,
        zaakNumbers,
        List.of(),
        null,
        null,
        List.of());
  }

  /** Only identifiers of the Staten-Generaal publications count (not a file name or a URL). */
  private static String identifier(String value) {
    return value != null && value.matches("(?:kst|ah|h|kv|blg|stb|stcrt)-[0-9A-Za-z-]+")
        ? value
        : null;
  }

  /** Maps the publisher's document types to ours. */
  private static String documentType(List<String> types) {
    for (String type : types) {
      String t = type.toLowerCase(Locale.ROOT);
      if (t.equals("antwoord")) {
        return "aanhangsel-antwoord";
      }
      if (t.equals("mededeling")) {
        return Mededelingen.TYPE;
      }
      if (t.equals("vragen") || t.contains("kamervragen zonder antwoord")) {
        return "kamervragen";
      }
      if (t.equals("motie")) {
        return "motie";
      }
      if (t.contains("lijst van vragen en antwoorden")) {
        return "commissie-vragen-antwoorden";
      }
      if (t.contains("verslag van een schriftelijk overleg")) {
        return "verslag-schriftelijk-overleg";
      }
    }
    return null;
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : DutchDates.first(iso);
  }

  private static String first(Map<String, List<String>> properties, String name) {
    List<String> values = values(properties, name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> values(Map<String, List<String>> properties, String name) {
    for (Map.Entry<String, List<String>> e : properties.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .toList();
      }
    }
    return List.of();
  }
}
