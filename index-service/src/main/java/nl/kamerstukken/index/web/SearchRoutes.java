package nl.kamerstukken.index.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.util.function.Supplier;
import nl.kamerstukken.index.alert.SavedSearches;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.KamervraagSearch;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.search.QaDetails;
import nl.kamerstukken.index.search.QaSearch;
import nl.kamerstukken.index.search.SimilarQuestions;
import nl.kamerstukken.kit.blob.ClaimCheckReader;
import nl.kamerstukken.kit.http.AdminServer;

/**
 * What people use instead of Kibana, on the service's HTTP server: the search page ({@code /}), the
 * search API ({@code /api/search}), one Q&A with its references, citations and similar earlier Q&A
 * ({@code /api/qa/<id>}, {@code /api/qa/<id>/similar}), the Kamervraag cases ({@code
 * /api/kamervragen}) and the originals ({@code /api/documents/<documentId>/original}).
 */
public final class SearchRoutes {

  private SearchRoutes() {}

  /**
   * Adds the routes to {@code admin}.
   *
   * @param client reads the aliases (the search side's own, read-only client where configured)
   * @param blobs reads original files, only inside the blob store and only when they verify
   * @param analysis the active text analysis, reported with every result
   */
  public static void install(
      AdminServer admin,
      ElasticsearchClient client,
      IndexNames names,
      ClaimCheckReader blobs,
      Supplier<String> analysis) {
    KamervraagSearch cases = new KamervraagSearch(client, names, Clock.systemDefaultZone());
    admin
        .route(
            "/api/search",
            new SearchApi(new QaSearch(client, names, Highlighting.HTML), analysis, cases))
        .route("/api/kamervragen", new KamervraagApi(cases))
        .route("/api/documents/", new OriginalFiles(client, names, blobs))
        .route(
            QaApi.PREFIX,
            new QaApi(new QaDetails(client, names), new SimilarQuestions(client, names)))
        .route("/", new SearchPage());
  }

  /** Adds the saved searches' API ({@code /api/alerts}, see {@link AlertApi}). */
  public static void installAlerts(AdminServer admin, SavedSearches alerts) {
    admin.route(AlertApi.PREFIX, new AlertApi(alerts));
  }
}
