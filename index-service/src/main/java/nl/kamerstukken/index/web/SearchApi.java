package nl.kamerstukken.index.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import nl.kamerstukken.index.api.KamervraagSearch;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.api.SearchResult;
import nl.kamerstukken.index.search.QaSearch;
import nl.kamerstukken.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/search?q=...&party=&ministry=&year=&type=&from=&to=&size=&offset=}: one page of
 * Q&A hits as JSON ({@link SearchResult}), with {@code kamervragen}: each hit's Kamervraag case by
 * identifier. 400 for a bad parameter, 503 while Elasticsearch or the index is not there.
 */
final class SearchApi implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);

  private final QaSearch search;
  private final Supplier<String> analysis;
  private final KamervraagSearch cases;

  SearchApi(QaSearch search, Supplier<String> analysis, KamervraagSearch cases) {
    this.search = search;
    this.analysis = analysis;
    this.cases = cases;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!JsonResponses.requireGet(exchange, false)) {
      return;
    }
    SearchQuery query;
    try {
      query = SearchQuery.fromParameters(HttpParameters.of(exchange.getRequestURI()));
    } catch (IllegalArgumentException e) {
      JsonResponses.error(exchange, 400, e.getMessage());
      return;
    }
    answer(exchange, query);
  }

  /**
   * The result with {@code kamervragen}: the case of each hit's Kamerstuk, by identifier (status,
   * due date, days to answer, its documents). Without the cases (none indexed yet, or the lookup
   * failed) the hits are still answered.
   */
  private ObjectNode withCases(SearchResult result) {
    ObjectNode body = Json.mapper().valueToTree(result);
    Set<String> keys = new LinkedHashSet<>();
    result.hits().stream().map(SearchHit::identifier).filter(Objects::nonNull).forEach(keys::add);
    try {
      body.set("kamervragen", Json.mapper().valueToTree(cases.casesOf(keys)));
    } catch (IOException | ElasticsearchException e) {
      LOG.debug("no cases for the hits: {}", e.toString());
      body.putObject("kamervragen");
    }
    return body;
  }

  private void answer(HttpExchange exchange, SearchQuery query) throws IOException {
    try {
      JsonResponses.ok(exchange, withCases(search.search(query, analysis.get())));
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        JsonResponses.error(
            exchange, 503, "nothing is indexed yet: the search index does not exist");
      } else if (e.status() == 400) {
        JsonResponses.error(
            exchange, 400, "Elasticsearch cannot run this query: " + e.error().reason());
      } else {
        LOG.warn("search [{}] failed: {}", query.text(), e.getMessage());
        JsonResponses.error(exchange, 503, "search failed, try again: " + e.getMessage());
      }
    } catch (IOException e) {
      LOG.warn("search [{}] failed: {}", query.text(), e.toString());
      JsonResponses.error(exchange, 503, "Elasticsearch is not reachable; try again later");
    } catch (RuntimeException e) {
      // A bug of ours: answer (the connection would hang otherwise) and say so in the log.
      LOG.error("search [{}] failed", query.text(), e);
      JsonResponses.error(exchange, 500, "search failed: " + e);
    }
  }
}
