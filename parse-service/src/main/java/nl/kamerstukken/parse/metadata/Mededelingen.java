package nl.kamerstukken.parse.metadata;

import java.util.regex.Pattern;
import nl.kamerstukken.parse.segment.Segmentation;

/**
 * Tells the two kinds of Mededeling in an Aanhangsel apart. Most say that the answer takes longer
 * than the three weeks ("kunnen niet binnen de gebruikelijke termijn worden beantwoord"): document
 * type {@value #TYPE}, a postponement of the case. Some say that the questions were answered
 * another way ("zijn beantwoord middels een brief", ah-tk-20232024-1999): those are the answer, and
 * stay {@code aanhangsel-antwoord}.
 */
final class Mededelingen {

  /** The document type of a postponement notice (the publisher's own name for it). */
  static final String TYPE = "mededeling";

  private static final Pattern ANSWERED_ELSEWHERE =
      Pattern.compile(
          "(?is)\\b(?:zijn|is|werden|worden)\\s+(?:reeds\\s+|al\\s+)?beantwoord\\s+"
              + "(?:middels|met|in|bij|per|door)\\b");

  private Mededelingen() {}

  /**
   * {@value #TYPE} for a Mededeling without answers that does not say the questions were answered
   * elsewhere; {@code type} otherwise.
   */
  static String refine(
      String type, KamervraagHeader header, Segmentation segmentation, String body) {
    if (header == null
        || !header.mededeling()
        || !"aanhangsel-antwoord".equals(type)
        || !segmentation.answers().isEmpty()
        || ANSWERED_ELSEWHERE.matcher(body).find()) {
      return type;
    }
    return TYPE;
  }
}
