package nl.kamerstukken.assemble.kamervraag;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Ministries;

/**
 * Computes a case from its documents. A pure function of the documents and the day it is judged.
 *
 * <ul>
 *   <li>Who asked, to whom, the subject and the submitted date come from the question document,
 *       else the answer, else a Mededeling (all reprint the question's header).
 *   <li>{@code dueDate} = submitted + {@value Kamervraag#ANSWER_TERM_DAYS} days; {@code
 *       answeredDate} = the first answer's ontvangen date; {@code daysToAnswer} the days between.
 *   <li>{@code status}: answered when an answer is there, else postponed when a Mededeling is, else
 *       open.
 *   <li>{@code overdue}: answered after the due date, or unanswered after it as of {@code today},
 *       unless a postponement is dated on or before the due date.
 * </ul>
 */
public final class CaseAssembler {

  private static final Comparator<CaseContribution> SOURCE_ORDER =
      Comparator.comparingInt((CaseContribution c) -> sourceRank(c.role()))
          .thenComparing(CaseContribution::kamerstukKey);

  private CaseAssembler() {}

  /** The case, or null when it has no documents (a tombstone). */
  public static Kamervraag assemble(String caseKey, CaseFiles files, LocalDate today) {
    if (files == null || files.contributions().isEmpty()) {
      return null;
    }
    List<CaseContribution> docs =
        files.contributions().values().stream().sorted(SOURCE_ORDER).toList();
    LocalDate submitted = first(docs, m -> m.submittedDate());
    LocalDate due = submitted == null ? null : submitted.plusDays(Kamervraag.ANSWER_TERM_DAYS);
    List<Kamervraag.Postponement> postponements =
        docs.stream()
            .filter(c -> c.role() == Kamervraag.Role.POSTPONEMENT)
            .map(c -> new Kamervraag.Postponement(c.date(), c.kamerstukKey()))
            .sorted(
                Comparator.comparing(
                        Kamervraag.Postponement::date,
                        Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                    .thenComparing(Kamervraag.Postponement::identifier))
            .toList();
    List<CaseContribution> answers =
        docs.stream()
            .filter(c -> c.role() == Kamervraag.Role.ANSWER)
            .sorted(
                Comparator.comparing(
                        CaseContribution::date,
                        Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                    .thenComparing(CaseContribution::kamerstukKey))
            .toList();
    CaseContribution answer = answers.isEmpty() ? null : answers.get(0);
    LocalDate answered = answer == null ? null : answer.date();
    boolean inTime =
        due != null
            && postponements.stream().anyMatch(p -> p.date() != null && !p.date().isAfter(due));
    Kamervraag.Status status =
        answer != null
            ? Kamervraag.Status.ANSWERED
            : postponements.isEmpty() ? Kamervraag.Status.OPEN : Kamervraag.Status.POSTPONED;
    List<String> addressedTo = firstList(docs, DocumentMetadata::addressedTo);
    List<String> answeredBy = answer == null ? List.of() : answer.metadata().answeredBy();
    return new Kamervraag(
        caseKey,
        zaakNumbers(caseKey, docs),
        firstList(docs, DocumentMetadata::askedBy),
        firstList(docs, DocumentMetadata::parties),
        addressedTo,
        ministry(addressedTo, answeredBy),
        first(docs, DocumentMetadata::title),
        first(docs, DocumentMetadata::parliamentaryYear),
        submitted,
        due,
        postponements,
        answered,
        answeredBy,
        submitted == null || answered == null
            ? null
            : (int) ChronoUnit.DAYS.between(submitted, answered),
        status,
        inTime,
        overdue(due, answered, inTime, today),
        today,
        documents(docs),
        CaseQuestions.of(docs));
  }

  /** Whether the case is (or was) late: {@link Kamervraag#overdue}. */
  public static boolean overdue(
      LocalDate due, LocalDate answered, boolean postponedInTime, LocalDate today) {
    return Kamervraag.overdue(due, answered, postponedInTime, today);
  }

  /** Question first, then the answer, then a Mededeling: the order fields are taken in. */
  private static int sourceRank(Kamervraag.Role role) {
    return switch (role) {
      case QUESTION -> 0;
      case ANSWER -> 1;
      case POSTPONEMENT -> 2;
    };
  }

  private static List<String> zaakNumbers(String caseKey, List<CaseContribution> docs) {
    LinkedHashSet<String> zaak = new LinkedHashSet<>();
    docs.stream().map(CaseContribution::zaak).filter(Objects::nonNull).forEach(zaak::add);
    if (zaak.isEmpty() && caseKey.matches("(?:19|20)\\d{2}Z\\d+")) {
      zaak.add(caseKey);
    }
    return List.copyOf(zaak);
  }

  private static String ministry(List<String> addressedTo, List<String> answeredBy) {
    List<String> addressed = Ministries.of(List.of(), addressedTo);
    if (!addressed.isEmpty()) {
      return addressed.get(0);
    }
    List<String> answering = Ministries.of(answeredBy, List.of());
    return answering.isEmpty() ? null : answering.get(0);
  }

  private static List<Kamervraag.CaseDocument> documents(List<CaseContribution> docs) {
    List<Kamervraag.CaseDocument> documents = new ArrayList<>();
    for (CaseContribution c : docs) {
      documents.add(
          new Kamervraag.CaseDocument(c.kamerstukKey(), c.role(), c.date(), c.documentId()));
    }
    return documents;
  }

  private static <T> T first(List<CaseContribution> docs, Function<DocumentMetadata, T> field) {
    return docs.stream()
        .map(c -> field.apply(c.metadata()))
        .filter(Objects::nonNull)
        .filter(Predicate.not(v -> v instanceof String s && s.isBlank()))
        .findFirst()
        .orElse(null);
  }

  private static List<String> firstList(
      List<CaseContribution> docs, Function<DocumentMetadata, List<String>> field) {
    return docs.stream()
        .map(c -> field.apply(c.metadata()))
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElse(List.of());
  }
}
