package nl.kamerstukken.tools.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nl.kamerstukken.model.DocumentMetadata;

/**
 * Compares parsed metadata with the truth, field by field. Every field the truth states counts,
 * null and empty ones included (a parser that invents a value where the truth has none is wrong):
 *
 * <ul>
 *   <li>identifier, documentType, parliamentaryYear, dossierNumber, documentNumber: equal strings;
 *   <li>dates (date, submittedDate, receivedDate): equal ISO dates;
 *   <li>lists (askedBy, parties, addressedTo, answeredBy, zaakNumbers, documentNumbers, seeAlso):
 *       equal as sets after {@link Normaliser normalisation} (order and case do not count);
 *   <li>text (title, committee, signatory): equal after normalisation.
 * </ul>
 *
 * Null, empty string and empty list are the same ("unknown").
 */
final class MetadataMatcher {

  private static final Set<String> LISTS =
      Set.of(
          "askedBy",
          "parties",
          "addressedTo",
          "answeredBy",
          "zaakNumbers",
          "documentNumbers",
          "seeAlso");
  private static final Set<String> TEXTS = Set.of("title", "committee", "signatory");

  private MetadataMatcher() {}

  /** A field compared: its name, whether it matched, and both values for the report. */
  record Field(String name, boolean matched, String expected, String actual) {}

  static List<Field> compare(Truth truth, DocumentMetadata ours) {
    List<Field> fields = new ArrayList<>();
    fields.add(exact("identifier", truth.identifier(), ours.identifier()));
    fields.add(exact("docType", truth.docType(), ours.documentType()));
    for (Iterator<String> names = truth.metadata().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      fields.add(compare(name, truth.metadata().get(name), ours));
    }
    return fields;
  }

  private static Field compare(String name, JsonNode expected, DocumentMetadata ours) {
    if (LISTS.contains(name)) {
      List<String> want = expected.isArray() ? Truth.strings(expected) : List.of();
      List<String> got = list(name, ours);
      return new Field(
          name, normalisedSet(want).equals(normalisedSet(got)), want.toString(), got.toString());
    }
    String want = expected == null || expected.isNull() ? null : expected.asText();
    Object got = value(name, ours);
    if (TEXTS.contains(name)) {
      String actual = got == null ? null : got.toString();
      return new Field(
          name, Normaliser.normalise(want).equals(Normaliser.normalise(actual)), want, actual);
    }
    return exact(name, want, got == null ? null : got.toString());
  }

  private static Field exact(String name, String expected, String actual) {
    String want = expected == null || expected.isBlank() ? null : expected.strip();
    String got = actual == null || actual.isBlank() ? null : actual.strip();
    return new Field(name, Objects.equals(want, got), want, got);
  }

  private static Set<String> normalisedSet(List<String> values) {
    Set<String> set = new TreeSet<>();
    for (String value : values) {
      String n = Normaliser.normalise(value);
      if (!n.isEmpty()) {
        set.add(n);
      }
    }
    return set;
  }

  private static List<String> list(String name, DocumentMetadata m) {
    return switch (name) {
      case "askedBy" -> m.askedBy();
      case "parties" -> m.parties();
      case "addressedTo" -> m.addressedTo();
      case "answeredBy" -> m.answeredBy();
      case "zaakNumbers" -> m.zaakNumbers();
      case "documentNumbers" -> m.documentNumbers();
      case "seeAlso" -> m.seeAlso();
      default -> List.of();
    };
  }

  private static Object value(String name, DocumentMetadata m) {
    return switch (name) {
      case "parliamentaryYear" -> m.parliamentaryYear();
      case "dossierNumber" -> m.dossierNumber();
      case "documentNumber" -> m.documentNumber();
      case "title" -> m.title();
      case "committee" -> m.committee();
      case "signatory" -> m.signatory();
      case "date" -> iso(m.date());
      case "submittedDate" -> iso(m.submittedDate());
      case "receivedDate" -> iso(m.receivedDate());
      case "identifier" -> m.identifier();
      case "documentType", "docType" -> m.documentType();
      default -> "(no such field in DocumentMetadata)";
    };
  }

  private static String iso(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
