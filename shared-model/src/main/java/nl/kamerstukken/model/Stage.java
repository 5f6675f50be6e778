package nl.kamerstukken.model;

/** The pipeline stage where something happened. */
public enum Stage {
  INGEST,
  PARSE,
  /** Assembling Kamerstukken and Kamervraag cases (assemble-service). */
  ASSEMBLE,
  INDEX,
  /** Delivering alerts of saved searches to their webhooks (index-service). */
  ALERT
}
