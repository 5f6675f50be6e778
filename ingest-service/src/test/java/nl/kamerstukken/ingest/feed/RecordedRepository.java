package nl.kamerstukken.ingest.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.localstack.junit.TestCorpus;
import org.junit.jupiter.api.Assumptions;

/**
 * The KOOP repository on this machine (WireMock): recorded SRU pages from {@code ../shared/feeds}
 * and {@code ../shared/corpus}, served with their document URLs moved to this server (the only
 * change made to a recorded page), and the documents they name.
 */
final class RecordedRepository implements AutoCloseable {

  static final String RECORDED_PAGE = "sru-page-staten-generaal-dt.modified-2021-10-13-start1.xml";
  private static final Pattern RECORD = Pattern.compile("(?s)<sru:record>.*?</sru:record>");
  private static final Pattern IDENTIFIER =
      Pattern.compile("<dcterms:identifier>([^<]+)</dcterms:identifier>");
  private static final Pattern ITEM =
      Pattern.compile("<gzd:itemUrl manifestation=\"(\\w+)\">([^<]+)</gzd:itemUrl>");

  final WireMockServer server;
  final Path corpus;
  final Path feeds;

  RecordedRepository() {
    corpus = TestCorpus.require();
    feeds = feeds(corpus);
    server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  /** {@code KAMERSTUKKEN_FEEDS}, else {@code feeds} beside the corpus; skips the test without. */
  static Path feeds(Path corpus) {
    String env = System.getenv("KAMERSTUKKEN_FEEDS");
    Path feeds = env == null || env.isBlank() ? corpus.resolveSibling("feeds") : Path.of(env);
    Assumptions.assumeTrue(
        Files.isDirectory(feeds.resolve("koop-sru")),
        "no recorded feeds at " + feeds + ": set KAMERSTUKKEN_FEEDS to the shared/feeds folder");
    return feeds;
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A recorded page with its document URLs moved here. */
  String recordedPage(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8)
        .replace("https://repository.overheid.nl/", base() + "/")
        .replace("http://__MOCK_SERVICE__/repository.overheid.nl/", base() + "/");
  }

  /** The records of a page: identifier -> (manifestation -> URL), as the page text has them. */
  static Map<String, Map<String, String>> records(String page) {
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    Matcher record = RECORD.matcher(page);
    while (record.find()) {
      Matcher id = IDENTIFIER.matcher(record.group());
      id.find();
      Map<String, String> items = new LinkedHashMap<>();
      Matcher item = ITEM.matcher(record.group());
      while (item.find()) {
        items.putIfAbsent(item.group(1), item.group(2));
      }
      records.put(id.group(1), items);
    }
    return records;
  }

  /** The {@code <sru:record>} elements of a page, as text. */
  static List<String> recordElements(String page) {
    List<String> elements = new ArrayList<>();
    Matcher record = RECORD.matcher(page);
    while (record.find()) {
      elements.add(record.group());
    }
    return elements;
  }

  void serveSru(int startRecord, ResponseDefinitionBuilder response) {
    server.stubFor(
        get(urlPathEqualTo("/sru"))
            .withQueryParam("startRecord", equalTo(String.valueOf(startRecord)))
            .willReturn(response));
  }

  static ResponseDefinitionBuilder xml(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/xml; charset=utf-8")
        .withBody(body);
  }

  void serveDocument(String url, byte[] body) {
    server.stubFor(
        get(urlPathEqualTo(URI.create(url).getPath()))
            .willReturn(aResponse().withStatus(200).withBody(body)));
  }

  /** The corpus file of a manifestation: {@code X.pdf}, {@code X.xml}, {@code X.metadata.xml}. */
  Path corpusFile(String identifier, String manifestation) {
    String suffix = manifestation.equals("metadata") ? ".metadata.xml" : "." + manifestation;
    return corpus.resolve(identifier + suffix);
  }

  /** How often each path was asked for. */
  Map<String, Integer> requestsPerPath() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      counts.merge(URI.create(event.getRequest().getUrl()).getPath(), 1, Integer::sum);
    }
    return counts;
  }

  /** The SRU requests in the order they came. */
  List<ServeEvent> sruRequests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    events.removeIf(e -> !e.getRequest().getUrl().startsWith("/sru"));
    events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
    return events;
  }

  @Override
  public void close() {
    server.stop();
  }
}
