package nl.kamerstukken.pipeline.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Heap use of a service's JVMs, read from their GC logs ({@code <service>-gc-<pid>.log}, written by
 * {@code -Xlog:gc}): the most heap in use before a collection (what the service needed at its peak,
 * garbage included) and the most still in use after one (what it really held).
 *
 * @param jvms how many JVMs of the service logged (restarts count)
 * @param collections collections seen
 * @param maxBeforeMb most heap in use before a collection, in MB
 * @param maxAfterMb most heap still in use after a collection, in MB
 */
record GcLogs(int jvms, int collections, int maxBeforeMb, int maxAfterMb) {

  private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  static GcLogs of(Path logDir, String service) {
    int jvms = 0;
    int collections = 0;
    int before = 0;
    int after = 0;
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path log :
          files.filter(f -> f.getFileName().toString().startsWith(service + "-gc-")).toList()) {
        jvms++;
        for (String line : Files.readAllLines(log)) {
          Matcher m = PAUSE.matcher(line);
          if (m.find()) {
            collections++;
            before = Math.max(before, Integer.parseInt(m.group(1)));
            after = Math.max(after, Integer.parseInt(m.group(2)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GcLogs(jvms, collections, before, after);
  }
}
