package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents of one round of the benchmark, each set its own unique copies (no document is
 * deduplicated against an earlier set or round), all under the round's folder.
 *
 * @param dir the round's folder (its local stack, inbox and logs go here too)
 * @param cold dropped at once on the fresh pipeline (may be empty: no cold-start run)
 * @param sized the throughput sets, largest first
 * @param latency dropped one at a time
 */
record RoundSets(Path dir, BenchSet cold, List<BenchSet> sized, BenchSet latency) {

  RoundSets {
    sized = List.copyOf(sized);
  }

  static RoundSets build(
      List<Path> originals,
      int round,
      int coldDocs,
      List<Integer> sizes,
      int latencyDocs,
      Path work)
      throws IOException {
    Path dir = work.resolve("round-" + round);
    List<BenchSet> sized = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      int docs = sizes.get(i);
      sized.add(
          BenchSet.build(
              originals, docs, (i == 0 ? "t" : "s") + round, dir.resolve("set-" + docs)));
    }
    return new RoundSets(
        dir,
        BenchSet.build(originals, coldDocs, "c" + round, dir.resolve("cold-set")),
        sized,
        BenchSet.build(originals, latencyDocs, "l" + round, dir.resolve("latency-set")));
  }
}
