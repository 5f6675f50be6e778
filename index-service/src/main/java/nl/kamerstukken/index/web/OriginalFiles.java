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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.kit.blob.BlobStoreUnavailableException;
import nl.kamerstukken.kit.blob.ClaimCheck;
import nl.kamerstukken.kit.blob.ClaimCheckReader;
import nl.kamerstukken.kit.blob.VerifiedBlob;
import nl.kamerstukken.model.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code GET /api/documents/{documentId}/original}: the original of any file an indexed Kamerstuk
 * lists (its representative, another rendition, or a publisher metadata record). Only a file an
 * indexed Kamerstuk lists has one, and its bytes are served only through the confined, verifying
 * {@link ClaimCheckReader}: from inside the configured blob store, and only when they are exactly
 * the indexed {@code sha256} and {@code sizeBytes}. Anything else (not indexed, no blob, a claim
 * check outside the store, other bytes, a missing blob) answers 404 without a detail; the reason is
 * logged.
 *
 * <p>The file is always a download ({@code Content-Disposition: attachment}) with the recorded
 * media type, {@code X-Content-Type-Options: nosniff} and a sandboxing CSP: a stored HTML or XML
 * file never runs as a page of this site.
 */
final class OriginalFiles implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(OriginalFiles.class);
  private static final Pattern PATH = Pattern.compile("^/api/documents/([0-9a-f]{64})/original$");
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9.+-]+/[a-zA-Z0-9.+-]+");

  private final ElasticsearchClient client;
  private final String alias;
  private final ClaimCheckReader blobs;

  OriginalFiles(ElasticsearchClient client, IndexNames names, ClaimCheckReader blobs) {
    this.client = client;
    this.alias = names.alias(SearchIndex.DOCUMENTS);
    this.blobs = blobs;
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
    String documentId = matcher.group(1);
    try (var ignored = MDC.putCloseable("documentId", documentId)) {
      JsonNode source;
      try {
        source = find(documentId);
      } catch (ElasticsearchException | IOException e) {
        JsonResponses.error(
            exchange, 503, "cannot look the document up in Elasticsearch: " + e.getMessage());
        return;
      }
      if (source == null || !source.path("blobUri").isTextual()) {
        notFound(exchange, documentId);
        return;
      }
      serveVerified(exchange, documentId, source);
    }
  }

  private void serveVerified(HttpExchange exchange, String documentId, JsonNode source)
      throws IOException {
    ClaimCheck claim =
        new ClaimCheck(
            documentId,
            source.path("sha256").asText(null),
            source.path("sizeBytes").asLong(-1),
            source.path("blobUri").asText(),
            source.path("fileName").asText("original"));
    try (VerifiedBlob blob = blobs.read(claim)) {
      if (blob instanceof VerifiedBlob.Refused refused) {
        if (refused.reasonCode() == ReasonCode.BLOB_MISSING) {
          LOG.info("original of [{}] not served: {}", documentId, refused.message());
        } else {
          LOG.warn(
              "original of [{}] refused [{}]: {}",
              documentId,
              refused.reasonCode(),
              refused.message());
        }
        notFound(exchange, documentId);
        return;
      }
      send(exchange, (VerifiedBlob.Verified) blob, source);
    } catch (BlobStoreUnavailableException e) {
      JsonResponses.error(exchange, 503, "the blob store does not answer; try again later");
    }
  }

  private static void notFound(HttpExchange exchange, String documentId) throws IOException {
    JsonResponses.error(exchange, 404, "no original file for document " + documentId);
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

  private static void send(HttpExchange exchange, VerifiedBlob.Verified blob, JsonNode source)
      throws IOException {
    String recorded = source.path("mediaType").asText("");
    String mediaType =
        MEDIA_TYPE.matcher(recorded).matches() ? recorded : "application/octet-stream";
    String fileName = source.path("fileName").asText("original");
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", mediaType);
    headers.set(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "sandbox");
    headers.set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(200, head || blob.size() == 0 ? -1 : blob.size());
    try (OutputStream out = exchange.getResponseBody();
        InputStream in = Files.newInputStream(blob.file())) {
      if (!head) {
        in.transferTo(out);
      }
    }
  }
}
