package nl.kamerstukken.ingest.feed;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.kamerstukken.ingest.config.KoopSettings;
import nl.kamerstukken.ingest.source.FileStamp;
import nl.kamerstukken.ingest.source.KnownFiles;
import nl.kamerstukken.ingest.source.Refusal;
import nl.kamerstukken.ingest.source.SourceFileException;
import nl.kamerstukken.ingest.source.SourceItem;
import nl.kamerstukken.model.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the manifestations of one record into the staging folder, trusting nothing the record
 * says: its identifier must look like one (it becomes a file name), every URL must lie under the
 * configured document base (same scheme, host and port, below its path, nothing encoded, no {@code
 * ..}) and name the record's identifier as a folder, and every body is checked ({@link
 * Manifestation#check}). A manifestation whose version the ledger already holds is not fetched
 * again.
 */
final class KoopDownloads {

  private static final Logger LOG = LoggerFactory.getLogger(KoopDownloads.class);

  /** Identifiers as KOOP writes them: {@code kst-32545-143}, {@code kv-tk-2020Z13248}. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9]{1,20}(-[A-Za-z0-9]{1,20}){1,6}");

  private final PoliteClient client;
  private final URI base;
  private final Path staging;
  private final KnownFiles known;
  private final long maxFileSize;

  /** Versions refused before (by source path), not fetched again until the record changes. */
  private final Map<String, String> refusedVersions = new HashMap<>();

  private long fetched;

  KoopDownloads(PoliteClient client, URI base, Path staging, KnownFiles known, long maxFileSize) {
    this.client = client;
    this.base = base;
    this.staging = staging;
    this.known = known;
    this.maxFileSize = maxFileSize;
  }

  static String sourcePath(String identifier, Manifestation manifestation) {
    return "koop:" + identifier + "/" + identifier + manifestation.suffix;
  }

  /**
   * Adds the record's new manifestations to {@code items} and its refused ones to {@code refused}.
   *
   * @throws IOException when the repository cannot be reached (the round fails and is repeated)
   */
  void fetch(SruRecord record, List<SourceItem> items, List<Refusal> refused)
      throws IOException, InterruptedException {
    String id = record.identifier();
    FileStamp version = new FileStamp(0, versionMillis(record.version()), record.version());
    if (!IDENTIFIER.matcher(id).matches()) {
      String shown = id.length() > 80 ? id.substring(0, 80) + "..." : id;
      String path = "koop:invalid-identifier/" + Integer.toHexString(id.hashCode());
      if (remember(path, record.version())) {
        refused.add(
            new Refusal(
                path,
                version,
                ReasonCode.FEED_ITEM_REFUSED,
                "a record of the feed has no usable identifier [" + shown + "]: not fetched"));
      }
      return;
    }
    for (Manifestation manifestation : Manifestation.values()) {
      String url = record.itemUrls().get(manifestation.attribute);
      String path = sourcePath(id, manifestation);
      if (url == null || alreadyHeld(path, record.version())) {
        continue;
      }
      try {
        items.add(download(id, manifestation, url, path, version));
      } catch (SourceFileException e) {
        if (remember(path, record.version())) {
          refused.add(new Refusal(path, version, e.reasonCode(), e.getMessage()));
        }
      }
    }
  }

  /** Whether the ledger holds this version of the path, or it was refused before. */
  private boolean alreadyHeld(String path, String version) {
    return known.stamp(path).filter(s -> version.equals(s.etag())).isPresent()
        || version.equals(refusedVersions.get(path));
  }

  /** Records a refusal; false when this version was refused before (not reported again). */
  private boolean remember(String path, String version) {
    return !version.equals(refusedVersions.put(path, version));
  }

  /** The item was refused downstream (too large): not offered again until the record changes. */
  void refusedLater(SourceItem item) {
    refusedVersions.put(item.sourcePath(), item.stamp().etag());
  }

  private FeedItem download(
      String id, Manifestation manifestation, String url, String path, FileStamp version)
      throws IOException, InterruptedException {
    URI uri = allowed(url, id);
    Path staged = staging.resolve(UUID.randomUUID() + ".part");
    boolean kept = false;
    try {
      long limit = Math.min(maxFileSize, manifestation.ownLimit);
      long size = client.document(uri, limit, () -> Files.newOutputStream(staged));
      manifestation.check(staged, id, url);
      fetched++;
      kept = true;
      LOG.info("fetched [{}] ([{}] bytes) from [{}]", path, size, uri);
      return new FeedItem(path, new FileStamp(size, version.mtimeMillis(), version.etag()), staged);
    } finally {
      if (!kept) {
        Files.deleteIfExists(staged);
      }
    }
  }

  /**
   * The URL if it lies under the configured document base and names the record's identifier as a
   * folder of its path.
   *
   * @throws SourceFileException {@code FEED_ITEM_REFUSED} otherwise (it is never requested)
   */
  URI allowed(String url, String identifier) throws SourceFileException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw Manifestation.refused("the feed names [" + url + "], which is no URL: not fetched");
    }
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean sameOrigin =
        uri.getScheme() != null
            && uri.getScheme().toLowerCase(Locale.ROOT).equals(base.getScheme())
            && uri.getHost() != null
            && uri.getHost().equalsIgnoreCase(base.getHost())
            && port(uri) == port(base)
            && uri.getRawUserInfo() == null
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    boolean plainPath =
        rawPath.startsWith(base.getRawPath())
            && !rawPath.contains("%")
            && !rawPath.contains("//")
            && List.of(rawPath.split("/")).stream().noneMatch(s -> s.equals("..") || s.equals("."));
    if (!sameOrigin || !plainPath) {
      throw Manifestation.refused(
          "the feed names ["
              + url
              + "], outside INGEST_KOOP_DOCUMENT_URL ["
              + base
              + "]: not fetched");
    }
    if (!List.of(rawPath.split("/")).contains(identifier)) {
      throw Manifestation.refused(
          "the feed names [" + url + "] for [" + identifier + "], a path of another document");
    }
    return uri;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The record's version as a time: {@code gzd:timestamp}, or the start of its modified day. */
  static long versionMillis(String version) {
    try {
      return OffsetDateTime.parse(version).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(version).atStartOfDay(KoopSettings.ZONE).toInstant().toEpochMilli();
      } catch (DateTimeParseException notADate) {
        return 0;
      }
    }
  }

  long fetched() {
    return fetched;
  }
}
