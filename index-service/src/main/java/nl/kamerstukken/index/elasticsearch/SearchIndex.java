package nl.kamerstukken.index.elasticsearch;

/** The two searchable collections; each is an alias in front of a versioned index. */
public enum SearchIndex {
  /** One search document per Kamerstuk. */
  DOCUMENTS("kamerstukken-documents", "documents-properties.json"),
  /** One search document per question with its answer, the Kamerstuk's metadata copied in. */
  QA("kamerstukken-qa", "qa-properties.json");

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
}
