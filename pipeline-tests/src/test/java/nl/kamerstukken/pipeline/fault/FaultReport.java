package nl.kamerstukken.pipeline.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The counts of each fault scenario, printed and written to {@code target/fault-tolerance.md}. */
final class FaultReport {

  private final List<String> rows =
      new ArrayList<>(
          List.of(
              "| scenario | sent | indexed | Q&A expected / indexed | cases | duplicated | lost | dead-lettered"
                  + " | parsed events (redelivered) | fault at | all indexed after |",
              "|---|---|---|---|---|---|---|---|---|---|---|"));

  /**
   * @param faultAt what had happened when the fault struck, e.g. "57 of 200 indexed"
   * @param recovery seconds from the fault until the batch was completely indexed
   */
  void add(
      String scenario,
      Batch batch,
      List<String> documents,
      List<String> qa,
      List<String> cases,
      int deadLettered,
      long parsedEvents,
      String faultAt,
      double recovery) {
    int duplicated =
        Observer.duplicates(documents) + Observer.duplicates(qa) + Observer.duplicates(cases);
    long lost = batch.identifiers().stream().filter(id -> !documents.contains(id)).count();
    rows.add(
        String.format(
            java.util.Locale.ROOT,
            "| %s | %d | %d | %d / %d | %d | %d | %d | %d | %d (%d) | %s | %.1f s |",
            scenario,
            batch.size(),
            documents.size(),
            batch.expectedQa(),
            qa.size(),
            cases.size(),
            duplicated,
            lost,
            deadLettered,
            parsedEvents,
            parsedEvents - batch.size(),
            faultAt,
            recovery));
  }

  void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.forEach(System.out::println);
  }
}
