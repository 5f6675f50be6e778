package nl.kamerstukken.assemble.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.FileKind;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;

/** Parsed files for the topology tests: what parse-service would publish for them. */
final class Files {

  private Files() {}

  static String id(String seed) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static DocumentParsed rendition(
      String path, String mediaType, Instant receivedAt, DocumentMetadata metadata, int pairs) {
    String id = id(path + "@" + receivedAt);
    List<Segment> questions =
        java.util.stream.IntStream.rangeClosed(1, pairs)
            .mapToObj(i -> new Segment(List.of(String.valueOf(i)), path + " vraag " + i))
            .toList();
    List<Segment> answers =
        java.util.stream.IntStream.rangeClosed(1, pairs)
            .mapToObj(i -> new Segment(List.of(String.valueOf(i)), path + " antwoord " + i))
            .toList();
    return new DocumentParsed(
        id,
        source(id, path, mediaType),
        metadata,
        2,
        "tekst van " + path,
        questions,
        answers,
        List.of(),
        List.of(),
        receivedAt,
        receivedAt.plusSeconds(1),
        FileKind.DOCUMENT);
  }

  static DocumentParsed record(String path, Instant receivedAt, DocumentMetadata values) {
    String id = id(path + "@" + receivedAt);
    return new DocumentParsed(
        id,
        source(id, path, "application/xml"),
        values,
        0,
        "",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        receivedAt,
        receivedAt.plusSeconds(1),
        FileKind.PUBLISHER_METADATA);
  }

  private static SourceFile source(String id, String path, String mediaType) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return new SourceFile(name, id, mediaType, 1000, path, "file:///blobs/" + id);
  }

  /** An Aanhangsel (answer), a Mededeling or a question document of one case. */
  static DocumentMetadata kamervraag(
      String identifier,
      String type,
      LocalDate submitted,
      LocalDate received,
      List<String> zaak,
      List<String> askedBy) {
    return new DocumentMetadata(
        identifier,
        type,
        "2020-2021",
        null,
        null,
        "de TOZO",
        null,
        askedBy,
        List.of("D66"),
        List.of("minister van Sociale Zaken en Werkgelegenheid"),
        received == null ? List.of() : List.of("minister van Sociale Zaken en Werkgelegenheid"),
        submitted,
        received,
        zaak,
        List.of(),
        null,
        null,
        List.of());
  }

  static DocumentMetadata identified(String identifier) {
    return kamervraag(identifier, "brief", null, null, List.of(), List.of());
  }

  /** The values of a publisher metadata record. */
  static DocumentMetadata recordValues(String identifier, String zaak) {
    return new DocumentMetadata(
        identifier,
        "aanhangsel-antwoord",
        "2020-2021",
        null,
        "3235",
        null,
        LocalDate.of(2021, 6, 21),
        List.of("S.P.R.A. van Weyenberg"),
        List.of(),
        List.of(),
        List.of(),
        null,
        LocalDate.of(2021, 6, 21),
        zaak == null ? List.of() : List.of(zaak),
        List.of(),
        null,
        null,
        List.of());
  }
}
