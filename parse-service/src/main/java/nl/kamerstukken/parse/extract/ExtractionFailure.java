package nl.kamerstukken.parse.extract;

import nl.kamerstukken.model.ReasonCode;

/**
 * A file that cannot be read, with the reason code the parser reports. Checked, so the parser must
 * turn it into a failed outcome; it never leaves the parser as an exception.
 */
public final class ExtractionFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final ReasonCode reasonCode;

  public ExtractionFailure(ReasonCode reasonCode, String message, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
  }

  public ReasonCode reasonCode() {
    return reasonCode;
  }
}
