package nl.kamerstukken.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.kamerstukken.index.api.Reference;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.model.Json;

/**
 * One Q&A with its references resolved (which of them are indexed, and where their original file
 * is) and what cites its Kamerstuk ("cited by": Q&A of other Kamerstukken whose text names its
 * identifier, Zaak or document number). Thread-safe.
 */
public final class QaDetails {

  private static final int CITED_BY_SIZE = 50;

  private final ElasticsearchClient client;
  private final String qaAlias;
  private final String documentsAlias;

  public QaDetails(ElasticsearchClient client, IndexNames names) {
    this.client = client;
    this.qaAlias = names.alias(SearchIndex.QA);
    this.documentsAlias = names.alias(SearchIndex.DOCUMENTS);
  }

  /**
   * A reference and, when the Kamerstuk it points to is indexed, that Kamerstuk.
   *
   * @param identifier the indexed Kamerstuk's identifier (null when not indexed)
   * @param title its title
   * @param originalUrl where index-service serves its original file (null when not indexed)
   * @param publicationUrl the official publication, for a publication identifier
   */
  public record ResolvedReference(
      Reference reference,
      String identifier,
      String title,
      String originalUrl,
      String publicationUrl) {}

  /** A Q&A that cites the Kamerstuk. */
  public record Citation(String id, String identifier, String title, List<String> questionNumbers) {
    public Citation {
      questionNumbers = List.copyOf(questionNumbers);
    }
  }

  /** The Q&A, its references and what cites its Kamerstuk. */
  public record Detail(SearchHit qa, List<ResolvedReference> references, List<Citation> citedBy) {
    public Detail {
      references = List.copyOf(references);
      citedBy = List.copyOf(citedBy);
    }
  }

  /** Empty when no Q&A has that id. */
  public Optional<Detail> of(String qaId) throws IOException {
    Optional<Hit<ObjectNode>> hit = byId(client, qaAlias, qaId);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    SearchHit qa = QaSearch.hit(hit.get());
    List<ResolvedReference> references = new ArrayList<>();
    for (Reference reference : qa.references()) {
      references.add(resolve(reference));
    }
    JsonNode source = hit.get().source();
    return Optional.of(new Detail(qa, references, citedBy(source)));
  }

  static Optional<Hit<ObjectNode>> byId(ElasticsearchClient client, String alias, String id)
      throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("query").putObject("ids").putArray("values").add(id);
    List<Hit<ObjectNode>> hits = search(client, alias, body);
    return hits.stream().findFirst();
  }

  private ResolvedReference resolve(Reference reference) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode().put("size", 1);
    ArrayNode should =
        body.putObject("query").putObject("bool").put("minimum_should_match", 1).putArray("should");
    for (String field : new String[] {"identifier", "zaakNumbers", "documentNumbers"}) {
      should.addObject().putObject("term").put(field, reference.identifier());
    }
    // The object form: the Java client reads a bare array of _source fields ambiguously.
    body.putObject("_source").putArray("includes").add("identifier").add("title").add("documentId");
    String publication =
        reference.pointsAtPublication()
            ? "https://zoek.officielebekendmakingen.nl/" + reference.identifier() + ".html"
            : null;
    List<Hit<ObjectNode>> hits = search(client, documentsAlias, body);
    if (hits.isEmpty()) {
      return new ResolvedReference(reference, null, null, null, publication);
    }
    JsonNode target = hits.get(0).source();
    return new ResolvedReference(
        reference,
        target.path("identifier").asText(null),
        target.path("title").asText(null),
        SearchHit.originalUrl(target.path("documentId").asText()),
        publication);
  }

  private List<Citation> citedBy(JsonNode qa) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    if (qa.hasNonNull("identifier")) {
      ids.add(qa.get("identifier").asText());
    }
    qa.path("zaakNumbers").forEach(n -> ids.add(n.asText()));
    qa.path("documentNumbers").forEach(n -> ids.add(n.asText()));
    if (ids.isEmpty()) {
      return List.of();
    }
    ObjectNode body = Json.mapper().createObjectNode().put("size", CITED_BY_SIZE);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode terms =
        bool.putArray("filter").addObject().putObject("terms").putArray("references.identifier");
    ids.forEach(terms::add);
    bool.putArray("must_not")
        .addObject()
        .putObject("term")
        .put("documentKey", qa.path("documentKey").asText());
    body.putArray("sort").add("documentKey").addObject().putObject("position").put("order", "asc");
    body.putObject("_source")
        .putArray("includes")
        .add("identifier")
        .add("title")
        .add("questionNumbers")
        .add("documentKey");
    List<Citation> citations = new ArrayList<>();
    for (Hit<ObjectNode> hit : search(client, qaAlias, body)) {
      JsonNode s = hit.source();
      List<String> numbers = new ArrayList<>();
      s.path("questionNumbers").forEach(n -> numbers.add(n.asText()));
      citations.add(
          new Citation(
              hit.id(), s.path("identifier").asText(null), s.path("title").asText(null), numbers));
    }
    return citations;
  }

  static List<Hit<ObjectNode>> search(ElasticsearchClient client, String alias, ObjectNode body)
      throws IOException {
    String json = body.toString();
    return client
        .search(
            SearchRequest.of(s -> s.index(alias).withJson(new StringReader(json))),
            ObjectNode.class)
        .hits()
        .hits();
  }
}
