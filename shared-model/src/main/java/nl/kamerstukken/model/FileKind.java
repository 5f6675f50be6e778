package nl.kamerstukken.model;

/** What a parsed file is to its Kamerstuk. */
public enum FileKind {
  /** A rendition of the Kamerstuk itself (PDF, publisher XML, HTML, ODT, DOCX, a scan). */
  DOCUMENT,
  /**
   * The publisher's metadata record beside a rendition ({@code X.metadata.xml}, {@code
   * X.metadata_owms.xml}): it enriches the Kamerstuk with the same name and identifier, and is no
   * Kamerstuk on its own.
   */
  PUBLISHER_METADATA
}
