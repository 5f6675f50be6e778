package nl.kamerstukken.index.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import nl.kamerstukken.index.search.QaDetails;
import nl.kamerstukken.index.search.SimilarQuestions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Q&A beyond the hit list:
 *
 * <ul>
 *   <li>{@code GET /api/qa/{id}}: {@code {qa, references, citedBy}}: the Q&A as a search hit, its
 *       references with the indexed Kamerstuk they point to (its original file) or the official
 *       publication, and the Q&A of other Kamerstukken that cite this one;
 *   <li>{@code GET /api/qa/{id}/similar?size=5}: {@code {id, similar}}: "asked before", the most
 *       similar earlier Q&A of other Kamerstukken ({@link SimilarQuestions}).
 * </ul>
 *
 * 404 when no Q&A has the id, 400 for a bad size, 503 while Elasticsearch or the index is missing.
 */
final class QaApi implements HttpHandler {

  static final String PREFIX = "/api/qa/";
  private static final Logger LOG = LoggerFactory.getLogger(QaApi.class);
  private static final int MAX_SIZE = 20;

  private final QaDetails details;
  private final SimilarQuestions similar;

  QaApi(QaDetails details, SimilarQuestions similar) {
    this.details = details;
    this.similar = similar;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!JsonResponses.requireGet(exchange, false)) {
      return;
    }
    String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
    boolean wantsSimilar = rest.endsWith("/similar");
    String id =
        URLDecoder.decode(
            wantsSimilar ? rest.substring(0, rest.length() - 8) : rest, StandardCharsets.UTF_8);
    if (id.isBlank() || id.contains("/")) {
      JsonResponses.error(
          exchange,
          404,
          "nothing at "
              + exchange.getRequestURI().getPath()
              + "; use /api/qa/<id> or /api/qa/<id>/similar");
      return;
    }
    try {
      if (wantsSimilar) {
        int size = size(HttpParameters.of(exchange.getRequestURI()));
        answer(exchange, id, similar.of(id, size).map(list -> Map.of("id", id, "similar", list)));
      } else {
        answer(exchange, id, details.of(id));
      }
    } catch (IllegalArgumentException e) {
      JsonResponses.error(exchange, 400, e.getMessage());
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        JsonResponses.error(
            exchange, 503, "nothing is indexed yet: the search index does not exist");
      } else {
        LOG.warn("Q&A [{}] failed: {}", id, e.getMessage());
        JsonResponses.error(exchange, 503, "search failed, try again: " + e.getMessage());
      }
    } catch (IOException e) {
      LOG.warn("Q&A [{}] failed: {}", id, e.toString());
      JsonResponses.error(exchange, 503, "Elasticsearch is not reachable; try again later");
    } catch (RuntimeException e) {
      LOG.error("Q&A [{}] failed", id, e);
      JsonResponses.error(exchange, 500, "failed: " + e);
    }
  }

  private static void answer(HttpExchange exchange, String id, Optional<?> body)
      throws IOException {
    if (body.isEmpty()) {
      JsonResponses.error(exchange, 404, "no question and answer has the id '" + id + "'");
    } else {
      JsonResponses.ok(exchange, body.get());
    }
  }

  private static int size(Map<String, String> params) {
    String value = params.get("size");
    if (value == null || value.isBlank()) {
      return SimilarQuestions.DEFAULT_SIZE;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1 && size <= MAX_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "size must be a whole number from 1 to " + MAX_SIZE + ", was '" + value + "'");
  }
}
