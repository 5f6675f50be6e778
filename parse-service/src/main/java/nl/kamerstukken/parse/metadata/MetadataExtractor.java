package nl.kamerstukken.parse.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.extract.TextLine;
import nl.kamerstukken.parse.segment.Segmentation;

/**
 * Reads what a document says about itself. Sources, in order of trust: the publisher's record (a
 * {@code metadata.xml} beside the file, or {@code <meta>} in HTML/XML) for identifiers, numbers,
 * dates, year and type; the printed text for names, roles and titles (the record fills gaps only,
 * since it spells names differently from the print: "S.P.R.A. van Weyenberg" for "Van Weyenberg");
 * the page furniture (colophon, running footer) for the identifier and year. Stateless.
 */
public final class MetadataExtractor {

  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "\\b(kst-[0-9A-Z]+(?:-[0-9A-Z]+)*-\\d+"
              + "|kv-(?:tk|ek)-(?:19|20)\\d{2}Z\\d{5}|ah-(?:tk|ek)-\\d{8}-\\d+|h-(?:tk|ek)-\\d{8}-\\d+(?:-\\d+)?|kv-(?:tk-)?\\d+(?:-\\d+)?|blg-\\d+)\\b");
  private static final Pattern YEAR =
      Pattern.compile("[Vv]ergaderjaar\\s+(\\d{4})\\s*[–-]\\s*(\\d{4})");

  /**
   * Historical prints: "Zitting 1955-1956" (capital Z: "(Tweede Kamer, zitting ...)" cites
   * another).
   */
  private static final Pattern SESSION =
      Pattern.compile("Zitting\\s+(\\d{4})\\s*[–—-]\\s*(\\d{4})");

  private static final Pattern ZAAK = Pattern.compile("\\b(?:19|20)\\d{2}Z\\d{5}\\b");
  private static final Pattern DOCUMENT = Pattern.compile("\\b(?:19|20)\\d{2}D\\d{5}\\b");
  private static final Pattern AH_ID = Pattern.compile("ah-(?:tk|ek)-(\\d{4})(\\d{4})-(\\d+)");
  private static final Pattern KST_ID = Pattern.compile("kst-(.+)-(\\d+)");
  private static final Pattern LETTER_FROM = Pattern.compile("(?i)^brief van (?:de |het )?(.+)$");

  private MetadataExtractor() {}

  /**
   * @param document the cleaned body (and furniture)
   * @param segmentation where the questions start (the header is the text before them)
   * @param properties publisher metadata: the sibling record merged over the format's own
   * @param scanned whether every page of the document came from OCR
   */
  public static DocumentMetadata extract(
      CleanDocument document,
      Segmentation segmentation,
      Map<String, List<String>> properties,
      boolean scanned) {
    List<String> paragraphs = document.paragraphs();
    int headerEnd =
        segmentation.firstLabelLine() > 0
            ? segmentation.firstLabelLine()
            : Math.min(document.lines().size(), 60);
    String header =
        String.join(
            "\n",
            new CleanDocument(document.lines().subList(0, headerEnd), List.of(), List.of())
                .paragraphs());
    String furniture = furnitureText(document.furniture());
    String head = document.text(0, Math.min(document.lines().size(), 80));
    DocumentClassifier.Headers h =
        new DocumentClassifier.Headers(
            KamervraagHeader.parse(header),
            KamerstukHeader.parse(paragraphs, document.lines()),
            OtherHeaders.parse(paragraphs, document.lines()),
            PublisherMetadata.of(properties),
            NotaHeading.read(document.lines(), scanned));
    String body = CleanDocument.join(document.lines()) + "\n" + furniture;
    String type =
        Mededelingen.refine(
            DocumentClassifier.classify(h, segmentation, scanned, head),
            h.kamervragen(),
            segmentation,
            body);
    String identifier = identifier(h, furniture, head);
    Fields f = fields(type, h);
    DocumentMetadata metadata =
        new DocumentMetadata(
            identifier,
            type,
            year(h.publisher(), furniture + "\n" + head, identifier),
            first(
                h.publisher().dossierNumber(),
                h.kamerstuk().dossierNumber(),
                part(KST_ID, identifier, 1)),
            first(
                h.publisher().documentNumber(),
                h.kamerstuk().stukNumber(),
                part(KST_ID, identifier, 2),
                part(AH_ID, identifier, 3)),
            first(f.title, h.publisher().title(), h.other().heading()),
            first(h.publisher().date(), h.kamerstuk().date(), titleDate(type, f.title, h.nota())),
            f.askedBy.isEmpty() && isKamervragen(type) ? h.publisher().askedBy() : f.askedBy,
            f.parties,
            f.addressedTo,
            f.answeredBy,
            first(h.publisher().submittedDate(), f.submitted),
            first(h.publisher().receivedDate(), f.received),
            union(h.publisher().zaakNumbers(), all(ZAAK, body)),
            all(DOCUMENT, body),
            f.committee,
            h.kamerstuk().signatory(),
            f.seeAlso);
    return segmentation.layout() == Segmentation.Layout.HISTORICAL
        ? HistoricalMetadata.apply(document, metadata)
        : metadata;
  }

  /** The fields whose source depends on the kind of document. */
  private static Fields fields(String type, DocumentClassifier.Headers h) {
    Fields f = new Fields();
    KamervraagHeader kv = h.kamervragen();
    KamerstukHeader ks = h.kamerstuk();
    OtherHeaders oh = h.other();
    if (kv != null && isKamervragen(type)) {
      f.askedBy = kv.askedBy();
      f.parties = kv.parties();
      f.addressedTo = kv.addressedTo();
      f.title = kv.title();
      f.submitted = kv.submittedDate();
      f.answeredBy = kv.answeredBy();
      f.received = kv.receivedDate();
      f.seeAlso = kv.seeAlso();
      return f;
    }
    f.committee = ks.committee();
    switch (type) {
      case "verslag-schriftelijk-overleg" -> {
        f.parties = oh.fractions();
        f.addressedTo =
            oh.consultedAddressee() == null ? List.of() : Portfolios.roles(oh.consultedAddressee());
        f.answeredBy = oh.reactionBy() == null ? f.addressedTo : Portfolios.roles(oh.reactionBy());
        f.submitted = oh.consultedSubmitted();
        f.received = oh.consultedAnswered();
        f.title = oh.consultedSubject();
      }
      case "commissie-vragen-antwoorden" -> {
        f.addressedTo = ks.addressee() == null ? List.of() : List.of(ks.addressee());
        f.answeredBy = letterWriter(ks);
        f.submitted = ks.submittedDate();
        f.title = first(ks.dossierTitle(), ks.stukTitle());
      }
      case "motie", "amendement" -> f.title = first(ks.stukTitle(), oh.motion());
      case "besluitenlijst" -> f.title = oh.besluitenlijst();
      case "nota" ->
          f.title =
              first(
                  ks.isKamerstuk() ? ks.stukTitle() : null,
                  oh.subject(),
                  h.nota().title(),
                  oh.heading());
      case "scan" -> f.title = first(oh.subject(), h.nota().title());
      case "brief" ->
          f.title = first(ks.isKamerstuk() ? ks.dossierTitle() : oh.subject(), oh.kamerbrief());
      default ->
          f.title = first(ks.isKamerstuk() ? ks.dossierTitle() : null, oh.subject(), oh.heading());
    }
    return f;
  }

  /**
   * A besluitenlijst is dated by its title ("... van dinsdag 8 maart 2011"); a nota and a scanned
   * page by their printed "Datum ...".
   */
  private static LocalDate titleDate(String type, String title, NotaHeading nota) {
    return switch (type) {
      case "besluitenlijst" -> DutchDates.first(title);
      case "nota", "scan" -> nota.date();
      default -> null;
    };
  }

  private static boolean isKamervragen(String type) {
    return "aanhangsel-antwoord".equals(type)
        || "kamervragen".equals(type)
        || Mededelingen.TYPE.equals(type);
  }

  /**
   * The role that signed the letter, else the writer named in its title ("Brief van de minister van
   * X").
   */
  private static List<String> letterWriter(KamerstukHeader ks) {
    if (ks.signatoryRole() != null) {
      return Portfolios.roles(ks.signatoryRole());
    }
    Matcher m = ks.stukTitle() == null ? null : LETTER_FROM.matcher(ks.stukTitle());
    return m != null && m.matches()
        ? Portfolios.roles(m.group(1).toLowerCase(Locale.ROOT))
        : List.of();
  }

  private static String identifier(DocumentClassifier.Headers h, String furniture, String head) {
    if (h.publisher().identifier() != null) {
      return h.publisher().identifier();
    }
    for (String text : List.of(furniture, head)) {
      Matcher m = IDENTIFIER.matcher(text);
      if (m.find()) {
        return m.group(1);
      }
    }
    KamerstukHeader ks = h.kamerstuk();
    return ks.isKamerstuk() ? "kst-" + ks.dossierNumber() + "-" + ks.stukNumber() : null;
  }

  private static String year(PublisherMetadata publisher, String text, String identifier) {
    if (publisher.parliamentaryYear() != null) {
      return publisher.parliamentaryYear().replace('–', '-');
    }
    for (Pattern year : List.of(YEAR, SESSION)) {
      Matcher m = year.matcher(text);
      if (m.find()) {
        return m.group(1) + "-" + m.group(2);
      }
    }
    Matcher m = identifier == null ? null : AH_ID.matcher(identifier);
    return m != null && m.matches() ? m.group(1) + "-" + m.group(2) : null;
  }

  private static String part(Pattern pattern, String identifier, int group) {
    Matcher m = identifier == null ? null : pattern.matcher(identifier);
    return m != null && m.matches() ? m.group(group) : null;
  }

  private static String furnitureText(List<TextLine> furniture) {
    StringBuilder text = new StringBuilder();
    furniture.forEach(line -> text.append(line.text()).append('\n'));
    return text.toString();
  }

  private static List<String> all(Pattern pattern, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return new ArrayList<>(found);
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null && !(value instanceof String s && s.isBlank())) {
        return value;
      }
    }
    return null;
  }

  /**
   * Field by field: {@code preferred} where it knows a value, else {@code fallback} ({@link
   * DocumentMetadata#preferring}, the rule assemble-service applies too).
   */
  public static DocumentMetadata preferring(DocumentMetadata preferred, DocumentMetadata fallback) {
    return fallback.preferring(preferred);
  }

  /** Merges metadata sources; later maps win per name. */
  @SafeVarargs
  public static Map<String, List<String>> merge(Map<String, List<String>>... sources) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    for (Map<String, List<String>> source : sources) {
      merged.putAll(source);
    }
    return merged;
  }

  private static final class Fields {
    String title;
    List<String> askedBy = List.of();
    List<String> parties = List.of();
    List<String> addressedTo = List.of();
    List<String> answeredBy = List.of();
    LocalDate submitted;
    LocalDate received;
    String committee;
    List<String> seeAlso = List.of();
  }
}
