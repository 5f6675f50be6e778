package nl.kamerstukken.ingest.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import nl.kamerstukken.model.Json;

/**
 * Where the feed stands, kept in {@code <state>/koop-checkpoint.json}: the day being asked for, the
 * record to start the next page at, and the day its current pass over that day began (a pass that
 * began after the day ended is the last one that day needs).
 *
 * <p>Written only after every item of a page was ingested (or refused), through a temporary file,
 * forced to disk and renamed atomically: a crash repeats at most one page, whose items the ledger
 * already holds, so nothing is fetched twice and nothing is skipped.
 *
 * @param query the query the position belongs to (another query starts its day again)
 * @param day the day of {@code dt.modified} being asked for
 * @param startRecord the first record of the next page (1-based)
 * @param passStarted when the current pass over {@code day} began; null before its first page
 */
record Checkpoint(String query, LocalDate day, int startRecord, LocalDate passStarted) {

  private static final String FILE = "koop-checkpoint.json";
  private static final ObjectMapper JSON = Json.mapper();

  static Checkpoint load(Path stateDir, String query, LocalDate since) throws IOException {
    Path file = stateDir.resolve(FILE);
    if (!Files.exists(file)) {
      return new Checkpoint(query, since, 1, null);
    }
    Checkpoint stored;
    try {
      stored = JSON.readValue(file.toFile(), Checkpoint.class);
    } catch (IOException e) {
      throw new IOException(
          file
              + " cannot be read ("
              + e.getMessage()
              + "): remove it to start again at INGEST_KOOP_SINCE (what was fetched is not fetched"
              + " again)",
          e);
    }
    if (!query.equals(stored.query())) {
      return new Checkpoint(query, stored.day(), 1, null);
    }
    return stored;
  }

  void save(Path stateDir) throws IOException {
    Path file = stateDir.resolve(FILE);
    Path temp = stateDir.resolve(FILE + ".tmp");
    Files.write(temp, JSON.writeValueAsBytes(this));
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  Checkpoint at(int next) {
    return new Checkpoint(query, day, next, passStarted);
  }

  Checkpoint startingPass(LocalDate today) {
    return new Checkpoint(query, day, 1, today);
  }

  /** The day is done: the next one, from its first record. */
  Checkpoint nextDay() {
    return new Checkpoint(query, day.plusDays(1), 1, null);
  }

  /** This pass over the day ended; the day is asked for again in a new pass. */
  Checkpoint againLater() {
    return new Checkpoint(query, day, 1, null);
  }

  /** Whether the pass that just ended saw the whole day (it began after the day ended). */
  boolean dayComplete() {
    return passStarted != null && passStarted.isAfter(day);
  }
}
