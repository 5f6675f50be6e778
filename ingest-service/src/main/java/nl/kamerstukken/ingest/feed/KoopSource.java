package nl.kamerstukken.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.kamerstukken.ingest.config.KoopSettings;
import nl.kamerstukken.ingest.source.FileStamp;
import nl.kamerstukken.ingest.source.KnownFiles;
import nl.kamerstukken.ingest.source.Refusal;
import nl.kamerstukken.ingest.source.Source;
import nl.kamerstukken.ingest.source.SourceItem;
import nl.kamerstukken.kit.kafka.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official publications of the Staten-Generaal as a source: KOOP's SRU 2.0 interface asked day
 * by day ({@code dt.modified}) from the {@link Checkpoint}, one page per round, each record's XML,
 * metadata record and PDF fetched ({@link KoopDownloads}) and offered as files of one folder, so
 * that they become one Kamerstuk downstream.
 *
 * <p>The checkpoint moves past a page only when the loop asks for the next round after every item
 * of that page was ingested or refused; an item to {@link #retry} is offered again from its staged
 * bytes first. The ledger ({@link KnownFiles}) holds which version of each manifestation was
 * ingested, so a repeated page fetches nothing again. A day is asked for until a pass over it began
 * after it ended; today is asked for again every interval. Nothing is ever reported gone: a
 * publication does not leave the repository by not being listed on a day.
 */
public final class KoopSource implements Source {

  private static final Logger LOG = LoggerFactory.getLogger(KoopSource.class);
  private static final long MAX_PAGE_BYTES = 32L * 1024 * 1024;

  private final KoopSettings settings;
  private final Path stateDir;
  private final Path staging;
  private final PoliteClient client;
  private final KoopDownloads downloads;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<String, FeedItem> offered = new LinkedHashMap<>();
  private final List<FeedItem> again = new ArrayList<>();
  private Checkpoint checkpoint;
  private Checkpoint afterPage;
  private volatile long nextPassNanos = System.nanoTime();
  private volatile String position = "not started";
  private volatile long records;
  private volatile long estimate = -1;

  private KoopSource(
      KoopSettings settings, Path stateDir, KnownFiles known, long maxFileSize, Checkpoint start)
      throws IOException {
    this.settings = settings;
    this.stateDir = stateDir;
    this.staging = Files.createDirectories(stateDir.resolve("koop-staging"));
    this.client =
        new PoliteClient(
            settings.userAgent(),
            settings.requestsPerSecond(),
            settings.maxAttempts(),
            settings.maxRetryWait(),
            new Backoff(Duration.ofSeconds(1), settings.maxRetryWait()));
    this.downloads =
        new KoopDownloads(client, settings.documentBase(), staging, known, maxFileSize);
    this.checkpoint = start;
  }

  /** Opens the source at its checkpoint in {@code stateDir}; leftovers of a crash are removed. */
  public static KoopSource open(
      KoopSettings settings, Path stateDir, KnownFiles known, long maxFileSize) throws IOException {
    Checkpoint start = Checkpoint.load(stateDir, settings.query(), settings.since());
    KoopSource source = new KoopSource(settings, stateDir, known, maxFileSize, start);
    try (Stream<Path> leftovers = Files.list(source.staging)) {
      for (Path leftover : leftovers.toList()) {
        Files.deleteIfExists(leftover);
      }
    }
    LOG.info(
        "KOOP SRU source at [{}], day [{}], record [{}]",
        settings.sruUrl(),
        start.day(),
        start.startRecord());
    return source;
  }

  @Override
  public Batch next(Duration maxWait) throws IOException, InterruptedException {
    if (!again.isEmpty()) {
      pause(maxWait);
      List<SourceItem> retry = List.copyOf(again);
      again.clear();
      return new Batch(retry, List.of(), List.of());
    }
    if (afterPage != null) {
      commit();
    }
    if (finished()) {
      position = "caught up with INGEST_KOOP_UNTIL " + settings.until() + "; " + counts();
      pause(maxWait);
      return Batch.empty();
    }
    long asked = client.waitNanos();
    long due = Math.max(nextPassNanos - System.nanoTime(), asked);
    if (asked > maxWait.toNanos()) {
      position =
          "waiting "
              + Duration.ofNanos(asked).toSeconds()
              + " s more, as the repository asked (Retry-After); at day "
              + checkpoint.day()
              + ", record "
              + checkpoint.startRecord()
              + "; "
              + counts();
    }
    if (due > 0) {
      pause(Duration.ofNanos(Math.min(due, maxWait.toNanos())));
      if (due > maxWait.toNanos()) {
        return Batch.empty();
      }
    }
    return page();
  }

  /** Asks for one page at the checkpoint and fetches what is new in it. */
  private Batch page() throws IOException, InterruptedException {
    LocalDate today = LocalDate.now(KoopSettings.ZONE);
    Checkpoint at = checkpoint.startRecord() == 1 ? checkpoint.startingPass(today) : checkpoint;
    SruRequest request =
        new SruRequest(
            settings.sruUrl(), settings.query(), at.day(), at.startRecord(), settings.pageSize());
    SruPage page = SruPage.parse(client.page(request.uri(), MAX_PAGE_BYTES));
    if (page.records().isEmpty() && !page.diagnostics().isEmpty()) {
      throw new IOException(
          "the repository refused " + request.uri() + ": " + String.join("; ", page.diagnostics()));
    }
    if (page.echoedStartRecord() != 0 && page.echoedStartRecord() != at.startRecord()) {
      throw new IOException(
          "asked "
              + request.uri()
              + " but the repository answered for record "
              + page.echoedStartRecord());
    }
    List<SourceItem> items = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    for (SruRecord record : page.records()) {
      downloads.fetch(record, items, refused);
    }
    records += page.records().size();
    estimate = page.numberOfRecords();
    checkpoint = at;
    afterPage =
        page.nextRecordPosition() > at.startRecord()
            ? at.at(page.nextRecordPosition())
            : endOfPass(at);
    items.forEach(item -> offered.put(item.sourcePath(), (FeedItem) item));
    position =
        "day "
            + at.day()
            + ", records "
            + at.startRecord()
            + "-"
            + (at.startRecord() + page.records().size() - 1)
            + " of about "
            + estimate
            + "; "
            + counts();
    return new Batch(items, refused, List.of());
  }

  /** The checkpoint after the last page of a pass over the checkpoint's day. */
  private Checkpoint endOfPass(Checkpoint at) {
    if (at.dayComplete()) {
      return at.nextDay();
    }
    // A pass that began on the day itself: once more, at once if the day is over by now.
    if (!at.day().isBefore(LocalDate.now(KoopSettings.ZONE))) {
      nextPassNanos = System.nanoTime() + settings.interval().toNanos();
    }
    return at.againLater();
  }

  /** Every item of the last page was handled: move the checkpoint past it. */
  private void commit() throws IOException {
    checkpoint = afterPage;
    checkpoint.save(stateDir);
    afterPage = null;
    for (FeedItem item : offered.values()) {
      Files.deleteIfExists(item.staged());
    }
    offered.clear();
    if (checkpoint.startRecord() == 1 && !finished()) {
      LOG.info("KOOP SRU: next pass over day [{}]", checkpoint.day());
    }
  }

  private boolean finished() {
    return settings.until() != null && checkpoint.day().isAfter(settings.until());
  }

  private void pause(Duration wait) throws InterruptedException {
    closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  private String counts() {
    return records
        + " record(s) read, "
        + downloads.fetched()
        + " file(s) fetched, "
        + client.requests()
        + " request(s), "
        + client.retries()
        + " retried";
  }

  @Override
  public void skip(SourceItem item) {
    downloads.refusedLater(item);
  }

  @Override
  public void retry(SourceItem item) {
    FeedItem staged = offered.get(item.sourcePath());
    if (staged != null) {
      again.add(staged);
    }
  }

  @Override
  public InputStream open(SourceItem item) throws IOException {
    FeedItem staged = offered.get(item.sourcePath());
    if (staged == null) {
      throw new IOException(item.sourcePath() + " is not staged by this source");
    }
    return Files.newInputStream(staged.staged());
  }

  @Override
  public Optional<FileStamp> stampNow(String sourcePath) {
    FeedItem staged = offered.get(sourcePath);
    return staged == null || !Files.exists(staged.staged())
        ? Optional.empty()
        : Optional.of(staged.stamp());
  }

  @Override
  public String describe() {
    return "KOOP SRU " + settings.sruUrl();
  }

  @Override
  public String position() {
    return position;
  }

  @Override
  public void wake() {
    nextPassNanos = System.nanoTime();
  }

  @Override
  public void close() {
    closed.countDown();
    client.close();
  }
}
