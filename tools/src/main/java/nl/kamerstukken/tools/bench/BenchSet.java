package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The benchmark's documents: copies of the corpus's text PDFs, each made unique by a custom entry
 * in its document information dictionary, so every copy has its own SHA-256 and nothing is
 * deduplicated. The text, and so the parsing work, is that of the original.
 *
 * @param tag what the set is for (prefix of its file names)
 * @param dir the folder that holds the copies and nothing else
 * @param files the copies, in the order they are dropped
 * @param pages their total page count
 */
record BenchSet(String tag, Path dir, List<Path> files, int pages) {

  BenchSet {
    files = List.copyOf(files);
  }

  /** Writes {@code count} unique copies of {@code originals} (round robin) into {@code dir}. */
  static BenchSet build(List<Path> originals, int count, String tag, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>(count);
    int pages = 0;
    for (int i = 0; i < count; i++) {
      Path original = originals.get(i % originals.size());
      Path copy = dir.resolve(String.format("%s-%05d-%s", tag, i, original.getFileName()));
      try (PDDocument document = Loader.loadPDF(original.toFile())) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCustomMetadataValue("KamerstukkenBenchCopy", tag + "-" + i);
        document.save(copy.toFile());
        pages += document.getNumberOfPages();
      }
      files.add(copy);
    }
    return new BenchSet(tag, dir, files, pages);
  }
}
