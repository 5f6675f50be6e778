package nl.kamerstukken.model;

/** The pipeline stage where something happened. */
public enum Stage {
  INGEST,
  PARSE,
  /** Assembling Kamerstukken and Kamervraag cases (assemble-service). */
  ASSEMBLE,
  INDEX
}
