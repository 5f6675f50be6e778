package nl.kamerstukken.index.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.util.function.Supplier;
import nl.kamerstukken.index.api.KamervraagSearch;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.search.Highlighting;
import nl.kamerstukken.index.search.QaSearch;
import nl.kamerstukken.kit.http.AdminServer;

/**
 * What people use instead of Kibana, on the service's HTTP server: the search page ({@code /}), the
 * search API ({@code /api/search}), the Kamervraag cases ({@code /api/kamervragen}) and the
 * originals ({@code /api/documents/<documentId>/original}).
 */
public final class SearchRoutes {

  private SearchRoutes() {}

  /**
   * Adds the routes to {@code admin}.
   *
   * @param analysis the active text analysis, reported with every result
   */
  public static void install(
      AdminServer admin, ElasticsearchClient client, IndexNames names, Supplier<String> analysis) {
    KamervraagSearch cases = new KamervraagSearch(client, names, Clock.systemDefaultZone());
    admin
        .route(
            "/api/search",
            new SearchApi(new QaSearch(client, names, Highlighting.HTML), analysis, cases))
        .route("/api/kamervragen", new KamervraagApi(cases))
        .route("/api/documents/", new OriginalFiles(client, names))
        .route("/", new SearchPage());
  }
}
