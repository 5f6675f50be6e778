package nl.kamerstukken.cli.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What {@code up} does when a service dies, as {@code restart: unless-stopped} or systemd would:
 * restart it after a backoff that doubles with each crash in the window (1 s, 2 s, 4 s, ... at most
 * 30 s) with ±20 % jitter, so services that die together do not restart in lockstep; give up only
 * after {@value #MAX_CRASHES} crashes of one service within {@link #WINDOW}. The crash and restart
 * counts are written to {@code up-services.tsv} in the data folder, where {@code status} reads
 * them.
 */
public final class Supervision {

  static final int MAX_CRASHES = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);
  static final String STATE_FILE = "up-services.tsv";
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** What to do about a death: restart at {@code at}, or give up ({@code at} empty). */
  record Decision(Optional<Instant> at, int crashesInWindow) {
    boolean giveUp() {
      return at.isEmpty();
    }
  }

  /** One service as {@code status} shows it. */
  public record ServiceState(
      String name, long pid, String state, int crashes, int restarts, String lastCrash) {}

  private final DoubleSupplier random;
  private final Map<String, Deque<Instant>> recent = new HashMap<>();
  private final Map<String, Integer> crashes = new HashMap<>();
  private final Map<String, Integer> restarts = new HashMap<>();
  private final Map<String, Instant> pending = new HashMap<>();
  private final Map<String, String> lastCrash = new HashMap<>();

  Supervision(DoubleSupplier random) {
    this.random = random;
  }

  /** Records that {@code service} died at {@code now} (exit code {@code exit}) and decides. */
  Decision crashed(String service, int exit, Instant now) {
    Deque<Instant> times = recent.computeIfAbsent(service, s -> new ArrayDeque<>());
    times.addLast(now);
    while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
      times.removeFirst();
    }
    crashes.merge(service, 1, Integer::sum);
    lastCrash.put(service, now + " (exit " + exit + ")");
    if (times.size() >= MAX_CRASHES) {
      pending.remove(service);
      return new Decision(Optional.empty(), times.size());
    }
    Instant at = now.plus(backoff(times.size()));
    pending.put(service, at);
    return new Decision(Optional.of(at), times.size());
  }

  /** The backoff before restart number {@code crashesInWindow}, with ±20 % jitter. */
  Duration backoff(int crashesInWindow) {
    long base =
        Math.min(
            MAX_BACKOFF.toMillis(),
            FIRST_BACKOFF.toMillis() << Math.min(20, Math.max(0, crashesInWindow - 1)));
    return Duration.ofMillis(Math.round(base * (0.8 + 0.4 * random.getAsDouble())));
  }

  /** Whether {@code service} waits for a restart; {@link #due} says when. */
  boolean waiting(String service) {
    return pending.containsKey(service);
  }

  boolean due(String service, Instant now) {
    Instant at = pending.get(service);
    return at != null && !now.isBefore(at);
  }

  void restarted(String service) {
    pending.remove(service);
    restarts.merge(service, 1, Integer::sum);
  }

  List<ServiceState> states(List<ServiceProcess> services) {
    List<ServiceState> states = new ArrayList<>();
    for (ServiceProcess service : services) {
      String name = service.name();
      String state = service.isAlive() ? "running" : waiting(name) ? "restarting" : "stopped";
      states.add(
          new ServiceState(
              name,
              service.pid(),
              state,
              crashes.getOrDefault(name, 0),
              restarts.getOrDefault(name, 0),
              lastCrash.getOrDefault(name, "-")));
    }
    return states;
  }

  /** Writes the states to {@code up-services.tsv} in {@code data} (atomically). */
  static void write(Path data, List<ServiceState> states) throws IOException {
    List<String> lines = new ArrayList<>();
    for (ServiceState s : states) {
      lines.add(
          String.join(
              "\t",
              s.name(),
              String.valueOf(s.pid()),
              s.state(),
              String.valueOf(s.crashes()),
              String.valueOf(s.restarts()),
              s.lastCrash()));
    }
    Path temp = data.resolve(STATE_FILE + ".tmp");
    Files.write(temp, lines, StandardCharsets.UTF_8);
    Files.move(
        temp,
        data.resolve(STATE_FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The states an {@code up} on {@code data} wrote; empty when none runs there. */
  public static List<ServiceState> read(Path data) {
    Path file = data.resolve(STATE_FILE);
    List<ServiceState> states = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", 6);
        if (f.length == 6) {
          states.add(
              new ServiceState(
                  f[0],
                  Long.parseLong(f[1]),
                  f[2],
                  Integer.parseInt(f[3]),
                  Integer.parseInt(f[4]),
                  f[5]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return List.of();
    }
    return states;
  }

  static void remove(Path data) throws IOException {
    Files.deleteIfExists(data.resolve(STATE_FILE));
  }
}
