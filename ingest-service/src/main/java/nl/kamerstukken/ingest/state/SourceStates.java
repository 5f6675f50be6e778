package nl.kamerstukken.ingest.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.kamerstukken.ingest.api.KnownSource;
import nl.kamerstukken.ingest.api.SourceId;
import nl.kamerstukken.ingest.publish.Ledger;
import nl.kamerstukken.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest state folder ({@code INGEST_STATE_DIR}) as one ledger per source: {@code
 * sources/<id>/} holds a folder's or a bucket's ledger with {@code source.json} (what the id stands
 * for); {@code koop/} holds the feed's ledger and checkpoint. Starting on one source never compares
 * another's files with what it finds, so switching folders removes nothing.
 *
 * <p>A state written before sources were kept apart has one {@code ledger.jsonl} at its top. At the
 * first start it moves to the source it belonged to: the bucket started now if every path in it
 * lies in that bucket location, the folder started now if some path in it exists in that folder (or
 * it holds nothing); else to a source of its own ({@code folder-earlier}, or the bucket its paths
 * name), which is listed and can be pruned.
 */
public final class SourceStates {

  private static final Logger LOG = LoggerFactory.getLogger(SourceStates.class);
  static final String SOURCES = "sources";
  static final String DESCRIPTION = "source.json";
  private static final String LEGACY_LEDGER = "ledger.jsonl";

  /** The source of a pre-source ledger whose folder cannot be known. */
  static final SourceId EARLIER_FOLDER =
      new SourceId(
          "folder-earlier", SourceId.FOLDER, "(a folder watched before sources were kept)");

  private final Path stateDir;

  private SourceStates(Path stateDir) {
    this.stateDir = stateDir;
  }

  public static SourceStates in(Path stateDir) {
    return new SourceStates(stateDir);
  }

  /** The folder of {@code source}'s ledger (created, described, an older ledger moved in). */
  public Path prepare(SourceId source) throws IOException {
    Files.createDirectories(stateDir);
    try (FileChannel channel =
            FileChannel.open(
                stateDir.resolve("sources.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      Path dir = dirOf(source);
      Files.createDirectories(dir);
      describe(dir, source);
      migrateLegacy(source);
      return dir;
    }
  }

  /** Where {@code source}'s ledger lives. */
  public Path dirOf(SourceId source) {
    return source.kind().equals(SourceId.KOOP)
        ? stateDir.resolve("koop")
        : stateDir.resolve(SOURCES).resolve(source.id());
  }

  private static void describe(Path dir, SourceId source) throws IOException {
    Path file = dir.resolve(DESCRIPTION);
    if (!Files.exists(file)) {
      Path temp = dir.resolve(DESCRIPTION + ".tmp");
      Files.writeString(temp, Json.mapper().writeValueAsString(source));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void migrateLegacy(SourceId current) throws IOException {
    Path legacy = stateDir.resolve(LEGACY_LEDGER);
    if (!Files.exists(legacy) || current.kind().equals(SourceId.KOOP)) {
      return;
    }
    Ledger.Snapshot snapshot = Ledger.read(stateDir);
    SourceId owner = ownerOf(snapshot.paths(), current);
    Path target = dirOf(owner);
    Files.createDirectories(target);
    if (Ledger.existsIn(target)) {
      LOG.warn(
          "the ingest state has an old single ledger [{}] and [{}] has a ledger already: left in"
              + " place; move it away once the other sources are what they should be",
          legacy,
          owner.id());
      return;
    }
    describe(target, owner);
    Files.move(legacy, target.resolve(LEGACY_LEDGER), StandardCopyOption.ATOMIC_MOVE);
    LOG.info(
        "the ingest state kept one ledger for every source; its [{}] path(s) and [{}] document(s)"
            + " now belong to [{}] ({})",
        snapshot.paths().size(),
        snapshot.announced().size(),
        owner.id(),
        owner.describe());
  }

  /** Which source an old single ledger with these paths belonged to. */
  SourceId ownerOf(List<String> paths, SourceId current) {
    if (paths.isEmpty()) {
      return current;
    }
    boolean inBuckets = paths.stream().allMatch(p -> p.startsWith("s3://"));
    if (current.kind().equals(SourceId.S3)) {
      String root = current.location() + "/";
      if (paths.stream().allMatch(p -> p.startsWith(root))) {
        return current;
      }
    } else if (current.kind().equals(SourceId.FOLDER) && !inBuckets) {
      Path folder = Path.of(current.location());
      if (paths.stream().anyMatch(p -> Files.exists(folder.resolve(p)))) {
        return current;
      }
    }
    if (inBuckets) {
      String first = paths.get(0).substring("s3://".length());
      int slash = first.indexOf('/');
      return SourceId.bucket(slash < 0 ? first : first.substring(0, slash), "");
    }
    return EARLIER_FOLDER;
  }

  /** Every source this state remembers, with its counts; sorted by id. */
  public List<KnownSource> list() throws IOException {
    List<KnownSource> known = new ArrayList<>();
    for (Map.Entry<SourceId, Path> entry : dirs()) {
      Ledger.Snapshot snapshot = Ledger.read(entry.getValue());
      known.add(
          new KnownSource(
              entry.getKey(),
              snapshot.paths().size(),
              snapshot.announced().size(),
              locked(entry.getValue())));
    }
    known.sort(Comparator.comparing(k -> k.source().id()));
    return known;
  }

  /** The source a user's words name, if this state knows it. */
  public Optional<Map.Entry<SourceId, Path>> find(String words) throws IOException {
    return dirs().stream().filter(e -> e.getKey().isNamedBy(words)).findFirst();
  }

  /** The ledgers of every source but {@code except}, as they are now. */
  public List<Map.Entry<Path, Ledger.Snapshot>> snapshotsBut(SourceId except) throws IOException {
    List<Map.Entry<Path, Ledger.Snapshot>> others = new ArrayList<>();
    for (Map.Entry<SourceId, Path> entry : dirs()) {
      if (!entry.getKey().id().equals(except.id())) {
        others.add(Map.entry(entry.getValue(), Ledger.read(entry.getValue())));
      }
    }
    return others;
  }

  /**
   * Each known source with its folder: {@code sources/*} and {@code koop/} when it has a ledger.
   */
  List<Map.Entry<SourceId, Path>> dirs() throws IOException {
    List<Map.Entry<SourceId, Path>> dirs = new ArrayList<>();
    Path sources = stateDir.resolve(SOURCES);
    if (Files.isDirectory(sources)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(sources)) {
        for (Path dir : stream) {
          readDescription(dir).ifPresent(id -> dirs.add(Map.entry(id, dir)));
        }
      }
    }
    Path koop = dirOf(SourceId.koop());
    if (Ledger.existsIn(koop)) {
      dirs.add(Map.entry(SourceId.koop(), koop));
    }
    return dirs;
  }

  private static Optional<SourceId> readDescription(Path dir) {
    Path file = dir.resolve(DESCRIPTION);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.mapper().readTree(file.toFile());
      return Optional.of(
          new SourceId(
              node.path("id").asText(),
              node.path("kind").asText(),
              node.path("location").asText()));
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "ignoring the source state [{}]: {} is unreadable ({})", dir, DESCRIPTION, e.toString());
      return Optional.empty();
    }
  }

  /** Whether a running ingest-service holds the ledger in {@code dir}. */
  static boolean locked(Path dir) {
    Path lockFile = dir.resolve("ledger.lock");
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes a source's folder and everything in it. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
