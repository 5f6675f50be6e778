package nl.kamerstukken.index.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.model.Json;

/**
 * The Elasticsearch request body for a {@link SearchQuery} on the Q&A index.
 *
 * <p>Words: see {@link WordQuery} (ranked, any word may match; quoted phrases must match the
 * unstemmed {@code .exact} subfields; {@code -word} excludes). Filters are a {@code post_filter},
 * so the facets (aggregations) show every value for the words, not only the chosen one.
 */
final class QaSearchRequest {

  static final String FACET_PARTY = "party";
  static final String FACET_MINISTRY = "ministry";
  static final String FACET_YEAR = "year";
  static final String FACET_TYPE = "type";
  static final Map<String, String> FACET_FIELDS =
      Map.of(
          FACET_PARTY,
          "parties",
          FACET_MINISTRY,
          "ministry",
          FACET_YEAR,
          "parliamentaryYear",
          FACET_TYPE,
          "documentType");
  private static final int FACET_SIZE = 100;
  private static final int FRAGMENT_SIZE = 200;
  private static final int FRAGMENTS = 3;

  private QaSearchRequest() {}

  static ObjectNode body(SearchQuery query, Highlighting highlighting) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("from", query.offset()).put("size", query.size()).put("track_total_hits", true);
    body.set("query", words(query.text()));
    ObjectNode filter = filters(query);
    if (filter != null) {
      body.set("post_filter", filter);
    }
    body.set("sort", sort(query.text() != null));
    body.set("highlight", highlight(highlighting));
    ObjectNode aggs = body.putObject("aggs");
    FACET_FIELDS.forEach(
        (name, field) -> {
          ObjectNode terms =
              aggs.putObject(name).putObject("terms").put("field", field).put("size", FACET_SIZE);
          if (FACET_YEAR.equals(name)) {
            terms.putObject("order").put("_key", "desc");
          }
        });
    return body;
  }

  /**
   * The same words and filters as {@link #body}, as one named clause ({@code _name}), so one
   * request can test many saved searches and say which matched each hit.
   */
  static ObjectNode named(SearchQuery query, String name) {
    ObjectNode clause = Json.mapper().createObjectNode();
    ObjectNode bool = clause.putObject("bool");
    bool.putArray("must").add(words(query.text()));
    ObjectNode filter = filters(query);
    if (filter != null) {
      bool.putArray("filter").add(filter);
    }
    bool.put("_name", name);
    return clause;
  }

  private static ObjectNode words(String text) {
    if (text == null) {
      ObjectNode query = Json.mapper().createObjectNode();
      query.putObject("match_all");
      return query;
    }
    return WordQuery.of(QueryText.parse(text));
  }

  /** All filters as one bool query, or null when there are none. */
  private static ObjectNode filters(SearchQuery query) {
    ArrayNode filters = Json.mapper().createArrayNode();
    term(filters, "parties", query.party());
    term(filters, "parliamentaryYear", query.year());
    term(filters, "documentType", query.type());
    if (query.ministry() != null) {
      filters.add(ministry(query.ministry()));
    }
    if (query.from() != null || query.to() != null) {
      filters.add(dateRange(query.from(), query.to()));
    }
    if (filters.isEmpty()) {
      return null;
    }
    ObjectNode bool = Json.mapper().createObjectNode();
    bool.putObject("bool").set("filter", filters);
    return bool;
  }

  private static void term(ArrayNode filters, String field, String value) {
    if (value != null) {
      filters.addObject().putObject("term").put(field, value);
    }
  }

  /**
   * The normalised ministry, or an office exactly as printed, or a phrase within the ministry's
   * name.
   */
  private static ObjectNode ministry(String value) {
    ObjectNode query = Json.mapper().createObjectNode();
    ObjectNode bool = query.putObject("bool").put("minimum_should_match", 1);
    ArrayNode should = bool.putArray("should");
    for (String field : new String[] {"ministry", "answeredBy", "addressedTo"}) {
      should.addObject().putObject("term").put(field, value);
    }
    should.addObject().putObject("match_phrase").put("ministry.text", value);
    return query;
  }

  /** The Kamerstuk's date: {@code date}, else {@code receivedDate}, else {@code submittedDate}. */
  private static ObjectNode dateRange(LocalDate from, LocalDate to) {
    ObjectNode query = Json.mapper().createObjectNode();
    ObjectNode bool = query.putObject("bool").put("minimum_should_match", 1);
    ArrayNode should = bool.putArray("should");
    should.add(range("date", from, to));
    ObjectNode received = should.addObject().putObject("bool");
    received.putArray("must_not").add(exists("date"));
    received.putArray("filter").add(range("receivedDate", from, to));
    ObjectNode submitted = should.addObject().putObject("bool");
    submitted.putArray("must_not").add(exists("date")).add(exists("receivedDate"));
    submitted.putArray("filter").add(range("submittedDate", from, to));
    return query;
  }

  private static ObjectNode range(String field, LocalDate from, LocalDate to) {
    ObjectNode query = Json.mapper().createObjectNode();
    ObjectNode bounds = query.putObject("range").putObject(field);
    if (from != null) {
      bounds.put("gte", from.toString());
    }
    if (to != null) {
      bounds.put("lte", to.toString());
    }
    return query;
  }

  private static ObjectNode exists(String field) {
    ObjectNode query = Json.mapper().createObjectNode();
    query.putObject("exists").put("field", field);
    return query;
  }

  private static ArrayNode sort(boolean byRelevance) {
    ArrayNode sort = Json.mapper().createArrayNode();
    if (byRelevance) {
      sort.add("_score");
    }
    sort.addObject().putObject("date").put("order", "desc").put("missing", "_last");
    sort.addObject().putObject("documentKey").put("order", "asc");
    sort.addObject().putObject("position").put("order", "asc");
    return sort;
  }

  /** Base fields and their unstemmed subfields: a quoted phrase matches only the latter. */
  private static ObjectNode highlight(Highlighting highlighting) {
    ObjectNode highlight = Json.mapper().createObjectNode();
    highlight.putArray("pre_tags").add(highlighting.preTag());
    highlight.putArray("post_tags").add(highlighting.postTag());
    if (highlighting.html()) {
      highlight.put("encoder", "html");
    }
    // An array of one-field objects (Elasticsearch takes an object too, the Java client only this
    // form).
    ArrayNode fields = highlight.putArray("fields");
    for (String field :
        new String[] {"questionText", "questionText.exact", "answerText", "answerText.exact"}) {
      fields
          .addObject()
          .putObject(field)
          .put("fragment_size", FRAGMENT_SIZE)
          .put("number_of_fragments", FRAGMENTS);
    }
    fields.addObject().putObject("title").put("number_of_fragments", 0);
    return highlight;
  }
}
