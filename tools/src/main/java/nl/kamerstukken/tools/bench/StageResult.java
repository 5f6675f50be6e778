package nl.kamerstukken.tools.bench;

import java.util.Locale;

/**
 * What one measured stage did.
 *
 * @param name what was measured
 * @param documents documents processed
 * @param pages pages processed
 * @param seconds wall-clock time
 * @param peakRssMb peak RSS of the process that did the work (-1 if unknown)
 * @param note how it was run
 */
record StageResult(
    String name, int documents, int pages, double seconds, long peakRssMb, String note) {

  double docsPerSecond() {
    return documents / seconds;
  }

  double pagesPerSecond() {
    return pages / seconds;
  }

  String row() {
    return String.format(
        Locale.ROOT,
        "%-34s %7d %8.2f %10.1f %10.1f %9s  %s",
        name,
        documents,
        seconds,
        docsPerSecond(),
        pagesPerSecond(),
        peakRssMb < 0 ? "-" : peakRssMb + " MB",
        note);
  }
}
