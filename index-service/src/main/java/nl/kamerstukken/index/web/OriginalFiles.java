package nl.kamerstukken.index.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;

/**
 * {@code GET /api/documents/{documentId}/original}: the original of any file an indexed Kamerstuk
 * lists (its representative or another of its files), read from the blob store where ingest put it
 * ({@code source.blobUri} of the indexed document), with its media type and file name. Only files
 * that an indexed document points at are served, so this is no general file server. {@code file:}
 * blob URIs are served (the blob store must be mounted at the same path as for ingest and parse);
 * other schemes answer 501.
 */
final class OriginalFiles implements HttpHandler {

  private static final Pattern PATH = Pattern.compile("^/api/documents/([0-9a-f]{64})/original$");

  private final ElasticsearchClient client;
  private final String alias;

  OriginalFiles(ElasticsearchClient client, IndexNames names) {
    this.client = client;
    this.alias = names.alias(SearchIndex.DOCUMENTS);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!JsonResponses.requireGet(exchange, true)) {
      return;
    }
    Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
    if (!matcher.matches()) {
      JsonResponses.error(
          exchange, 404, "expected /api/documents/<documentId: 64 hex digits>/original");
      return;
    }
    JsonNode source;
    try {
      source = find(matcher.group(1));
    } catch (ElasticsearchException | IOException e) {
      JsonResponses.error(
          exchange, 503, "cannot look the document up in Elasticsearch: " + e.getMessage());
      return;
    }
    if (source == null) {
      JsonResponses.error(exchange, 404, "no indexed document has id " + matcher.group(1));
      return;
    }
    try {
      serve(exchange, source);
    } catch (IllegalArgumentException e) {
      // URI.create / Path.of refuse a malformed blob URI: the indexed document is wrong, not the
      // request.
      JsonResponses.error(exchange, 500, "the stored blob URI cannot be read: " + e.getMessage());
    }
  }

  /**
   * Where the original of this content is described: the {@code source} of the Kamerstuk it
   * represents, else its entry in a Kamerstuk's {@code files} (another rendition or a publisher
   * metadata record); null when no indexed Kamerstuk lists it.
   */
  private JsonNode find(String documentId) throws IOException {
    List<Hit<ObjectNode>> hits =
        client
            .search(
                s ->
                    s.index(alias)
                        .size(1)
                        .source(src -> src.filter(f -> f.includes("documentId", "source", "files")))
                        .query(
                            q ->
                                q.bool(
                                    b ->
                                        b.should(
                                                sh ->
                                                    sh.term(
                                                        t ->
                                                            t.field("documentId")
                                                                .value(documentId)))
                                            .should(
                                                sh ->
                                                    sh.term(
                                                        t ->
                                                            t.field("files.documentId")
                                                                .value(documentId)))
                                            .minimumShouldMatch("1"))),
                ObjectNode.class)
            .hits()
            .hits();
    if (hits.isEmpty() || hits.get(0).source() == null) {
      return null;
    }
    JsonNode found = hits.get(0).source();
    if (documentId.equals(found.path("documentId").asText())) {
      return found.path("source");
    }
    for (JsonNode file : found.path("files")) {
      if (documentId.equals(file.path("documentId").asText())) {
        return file;
      }
    }
    return null;
  }

  private static void serve(HttpExchange exchange, JsonNode source) throws IOException {
    String blobUri = source.path("blobUri").asText(null);
    if (blobUri == null) {
      JsonResponses.error(
          exchange, 404, "the document was indexed without a stored file (parsed offline)");
      return;
    }
    URI uri = URI.create(blobUri);
    if (!"file".equals(uri.getScheme())) {
      JsonResponses.error(
          exchange,
          501,
          "the original is stored at "
              + uri.getScheme()
              + ": blob URIs, which "
              + "this service cannot read yet; fetch it from the blob store directly");
      return;
    }
    Path file = Path.of(uri);
    if (!Files.isRegularFile(file)) {
      JsonResponses.error(
          exchange, 410, "the stored file is gone from the blob store (" + file + ")");
      return;
    }
    String mediaType = source.path("mediaType").asText("application/octet-stream");
    String fileName = source.path("fileName").asText("original");
    // A PDF opens in the browser; anything else (HTML, XML: it could carry scripts) is a download,
    // sandboxed.
    boolean pdf = "application/pdf".equals(mediaType);
    exchange.getResponseHeaders().set("Content-Type", mediaType);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Disposition",
            (pdf ? "inline" : "attachment")
                + "; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (!pdf) {
      exchange.getResponseHeaders().set("Content-Security-Policy", "sandbox");
    }
    long size = Files.size(file);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(200, head || size == 0 ? -1 : size);
    try (OutputStream out = exchange.getResponseBody();
        InputStream in = Files.newInputStream(file)) {
      if (!head) {
        in.transferTo(out);
      }
    }
  }
}
