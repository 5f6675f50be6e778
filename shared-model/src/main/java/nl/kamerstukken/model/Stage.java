package nl.kamerstukken.model;

/** The pipeline stage where something happened. */
public enum Stage {
  INGEST,
  PARSE,
  INDEX
}
