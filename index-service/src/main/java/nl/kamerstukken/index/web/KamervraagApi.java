package nl.kamerstukken.index.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import nl.kamerstukken.index.api.KamervraagQuery;
import nl.kamerstukken.index.api.KamervraagSearch;

/**
 * {@code GET /api/kamervragen?status=&overdue=&ministry=&party=&size=&offset=}: a page of
 * Kamervraag cases ({@code {total, today, cases}}), overdue judged as of today; {@code GET
 * /api/kamervragen/stats}: per ministry the cases, median days to answer, share answered within the
 * term and overdue now. 400 for a bad parameter, 503 while nothing is indexed.
 */
final class KamervraagApi implements HttpHandler {

  private final KamervraagSearch search;

  KamervraagApi(KamervraagSearch search) {
    this.search = search;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!JsonResponses.requireGet(exchange, false)) {
      return;
    }
    String path = exchange.getRequestURI().getPath();
    try {
      if (path.equals("/api/kamervragen/stats")) {
        JsonResponses.ok(exchange, search.stats());
      } else if (path.equals("/api/kamervragen") || path.equals("/api/kamervragen/")) {
        KamervraagQuery query;
        try {
          query = KamervraagQuery.fromParameters(HttpParameters.of(exchange.getRequestURI()));
        } catch (IllegalArgumentException e) {
          JsonResponses.error(exchange, 400, e.getMessage());
          return;
        }
        JsonResponses.ok(exchange, search.search(query));
      } else {
        JsonResponses.error(
            exchange,
            404,
            "nothing at " + path + "; try /api/kamervragen or /api/kamervragen/stats");
      }
    } catch (ElasticsearchException e) {
      JsonResponses.error(
          exchange,
          e.status() == 404 ? 503 : 503,
          e.status() == 404
              ? "no case is indexed yet: the kamervragen index does not exist"
              : "Elasticsearch refused: " + e.getMessage());
    } catch (IOException e) {
      JsonResponses.error(exchange, 503, "Elasticsearch is not reachable; try again later");
    }
  }
}
