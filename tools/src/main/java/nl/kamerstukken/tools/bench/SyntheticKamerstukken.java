package nl.kamerstukken.tools.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;

/**
 * Many Kamerstukken made from a few real ones: each synthetic Kamerstuk takes 3 to 15 questions and
 * answers drawn from the real documents' texts (so the words are real Dutch parliamentary
 * language), and metadata mixed from them (parties, offices, dates), with a fixed seed so runs are
 * comparable.
 */
final class SyntheticKamerstukken {

  private static final List<String> PARTIES =
      List.of(
          "VVD",
          "PVV",
          "GroenLinks-PvdA",
          "NSC",
          "D66",
          "BBB",
          "CDA",
          "SP",
          "ChristenUnie",
          "SGP",
          "PvdD",
          "JA21",
          "DENK",
          "Volt",
          "FVD");
  private static final List<String> OFFICES =
      List.of(
          "minister van Financiën",
          "minister van Justitie en Veiligheid",
          "staatssecretaris van Volksgezondheid, Welzijn en Sport",
          "minister van Klimaat en Groene Groei",
          "minister van Onderwijs, Cultuur en Wetenschap",
          "minister van Binnenlandse Zaken en Koninkrijksrelaties",
          "minister van Sociale Zaken en Werkgelegenheid",
          "staatssecretaris van Economische Zaken en Klimaat",
          "minister van Buitenlandse Zaken",
          "minister van Infrastructuur en Waterstaat");

  private final List<String> questions = new ArrayList<>();
  private final List<String> answers = new ArrayList<>();
  private final List<String> titles = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Random random = new Random(42);

  /** Pools of texts from the real documents; at least one question and one answer are needed. */
  SyntheticKamerstukken(List<DocumentParsed> real) {
    for (DocumentParsed document : real) {
      document.questions().forEach(q -> questions.add(q.text()));
      document.answers().forEach(a -> answers.add(a.text()));
      if (document.metadata().title() != null) {
        titles.add(document.metadata().title());
      }
      names.addAll(document.metadata().askedBy());
    }
    if (questions.isEmpty() || answers.isEmpty()) {
      throw new IllegalArgumentException(
          "the corpus documents gave no questions or answers to synthesise from");
    }
    if (names.isEmpty()) {
      names.add("Van der Lid");
    }
    if (titles.isEmpty()) {
      titles.add("schriftelijke vragen");
    }
  }

  int questionPool() {
    return questions.size();
  }

  /** Kamerstukken until they have at least {@code qaDocs} questions in all. */
  List<DocumentParsed> generate(int qaDocs) {
    List<DocumentParsed> documents = new ArrayList<>();
    int total = 0;
    for (int n = 0; total < qaDocs; n++) {
      int pairs = 3 + random.nextInt(13);
      documents.add(one(n, pairs));
      total += pairs;
    }
    return documents;
  }

  /** Words of the real questions, for queries. */
  List<String> questionTexts() {
    return List.copyOf(questions);
  }

  private DocumentParsed one(int n, int pairs) {
    List<Segment> qs = new ArrayList<>();
    List<Segment> as = new ArrayList<>();
    for (int i = 1; i <= pairs; i++) {
      qs.add(new Segment(List.of(String.valueOf(i)), pick(questions)));
      as.add(new Segment(List.of(String.valueOf(i)), pick(answers)));
    }
    LocalDate submitted = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(7 * 365));
    LocalDate received = submitted.plusDays(14 + random.nextInt(60));
    int startYear = submitted.getMonthValue() >= 9 ? submitted.getYear() : submitted.getYear() - 1;
    String office = pick(OFFICES);
    String documentNumber = String.valueOf(1000 + n);
    DocumentMetadata metadata =
        new DocumentMetadata(
            "bench-ah-tk-" + startYear + (startYear + 1) + "-" + n,
            "aanhangsel-antwoord",
            startYear + "-" + (startYear + 1),
            null,
            documentNumber,
            pick(titles),
            received,
            List.of(pick(names)),
            List.of(pick(PARTIES)),
            List.of(office),
            List.of(office),
            submitted,
            received,
            List.of(),
            List.of(),
            null,
            null,
            List.of());
    String id = sha256("bench-" + n);
    String text =
        qs.stream().map(Segment::text).collect(Collectors.joining("\n\n"))
            + "\n\n"
            + as.stream().map(Segment::text).collect(Collectors.joining("\n\n"));
    Instant at = received.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    SourceFile source =
        new SourceFile("bench-" + n + ".pdf", id, "application/pdf", text.length(), null, null);
    return new DocumentParsed(
        id,
        source,
        metadata,
        2 + pairs / 3,
        text,
        qs,
        as,
        List.of(),
        List.of(),
        at,
        at.plusSeconds(5));
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
