package nl.kamerstukken.ingest.feed;

import java.util.Map;

/**
 * One record of an SRU page as the repository gave it; nothing in it is trusted yet ({@link
 * KoopDownloads} checks the identifier and every URL before anything is fetched).
 *
 * @param identifier {@code dcterms:identifier}, e.g. {@code ah-tk-20202021-3235}
 * @param version what tells versions of the record apart: {@code gzd:timestamp}, else {@code
 *     dcterms:modified}
 * @param itemUrls {@code gzd:itemUrl} by its {@code manifestation} attribute ({@code pdf}, {@code
 *     xml}, {@code metadata}, ...)
 */
public record SruRecord(String identifier, String version, Map<String, String> itemUrls) {

  public SruRecord {
    itemUrls = Map.copyOf(itemUrls);
  }
}
