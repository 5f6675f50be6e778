package nl.kamerstukken.assemble.kamervraag;

import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Segment;

/**
 * What one Kamerstuk gives its Kamervraag case: its role (by document type: {@code kamervragen} is
 * the question, {@code mededeling} a postponement, {@code aanhangsel-antwoord} the answer), the
 * header it reprints, its questions and answers, and the keys that find the case.
 *
 * @param kamerstukKey the Kamerstuk's key
 * @param documentId its representative's document id (the link to the original)
 * @param role what it is to the case
 * @param zaak the Zaak number it gives, or null
 * @param derivedKey the key from what it reprints (see {@link CaseKeys}), or null
 * @param caseKey the case it belongs to, once resolved (see {@link #resolved})
 * @param metadata its metadata
 * @param questions its numbered questions
 * @param answers its numbered answers
 */
public record CaseContribution(
    String kamerstukKey,
    String documentId,
    Kamervraag.Role role,
    String zaak,
    String derivedKey,
    String caseKey,
    DocumentMetadata metadata,
    List<Segment> questions,
    List<Segment> answers) {

  public CaseContribution {
    questions = questions == null ? List.of() : List.copyOf(questions);
    answers = answers == null ? List.of() : List.copyOf(answers);
  }

  /** The contribution of a Kamerstuk, or null when it is no document of a Kamervraag case. */
  public static CaseContribution of(Kamerstuk kamerstuk) {
    if (kamerstuk == null) {
      return null;
    }
    Kamervraag.Role role = role(kamerstuk.metadata().documentType());
    if (role == null) {
      return null;
    }
    return new CaseContribution(
        kamerstuk.key(),
        kamerstuk.representative(),
        role,
        CaseKeys.zaak(kamerstuk.metadata()),
        CaseKeys.derived(kamerstuk.metadata()),
        null,
        kamerstuk.metadata(),
        kamerstuk.questions(),
        kamerstuk.answers());
  }

  static Kamervraag.Role role(String documentType) {
    if (documentType == null) {
      return null;
    }
    return switch (documentType) {
      case "kamervragen" -> Kamervraag.Role.QUESTION;
      case "mededeling" -> Kamervraag.Role.POSTPONEMENT;
      case "aanhangsel-antwoord" -> Kamervraag.Role.ANSWER;
      default -> null;
    };
  }

  /**
   * This contribution in its case: its own Zaak number, else the one another document with the same
   * derived key gives ({@code learned}, may be null), else the derived key, else the Kamerstuk key
   * (an Aanhangsel whose header could not be read is a case of its own).
   */
  public CaseContribution resolved(String learned) {
    String key =
        zaak != null
            ? zaak
            : learned != null ? learned : derivedKey != null ? derivedKey : kamerstukKey;
    return new CaseContribution(
        kamerstukKey, documentId, role, zaak, derivedKey, key, metadata, questions, answers);
  }

  /** The date that places it in the case: ontvangen for a reply, ingezonden for the question. */
  LocalDate date() {
    return role == Kamervraag.Role.QUESTION
        ? metadata.submittedDate()
        : metadata.receivedDate() != null ? metadata.receivedDate() : metadata.date();
  }
}
