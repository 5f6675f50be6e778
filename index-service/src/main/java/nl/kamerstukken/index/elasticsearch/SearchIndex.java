package nl.kamerstukken.index.elasticsearch;

/** The searchable collections; each is an alias in front of a versioned index. */
public enum SearchIndex {
  /** One search document per Kamerstuk. */
  DOCUMENTS("kamerstukken-documents", "documents-properties.json"),
  /** One search document per question with its answer, the Kamerstuk's metadata copied in. */
  QA("kamerstukken-qa", "qa-properties.json"),
  /** One search document per Kamervraag case (its own fields, not a Kamerstuk's). */
  KAMERVRAGEN("kamerstukken-kamervragen", "kamervragen-properties.json");

  private final String baseName;
  private final String propertiesResource;

  SearchIndex(String baseName, String propertiesResource) {
    this.baseName = baseName;
    this.propertiesResource = propertiesResource;
  }

  public String baseName() {
    return baseName;
  }

  String propertiesResource() {
    return propertiesResource;
  }

  /** Whether its documents carry a Kamerstuk's fields ({@code common-properties.json}). */
  boolean kamerstukFields() {
    return this != KAMERVRAGEN;
  }
}
