package nl.kamerstukken.pipeline.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A batch of generated Kamerstukken with distinct identifiers ({@code
 * ah-tk-20252026-<batch*1000+i>}) and 1 to 3 question/answer pairs each, so the documents and Q&A
 * the index must end up with are known exactly.
 *
 * @param name the batch's folder name in the inbox
 * @param staged where the files were written, outside the inbox
 * @param identifiers the identifier of each document
 * @param documentIds the SHA-256 of each file (the pipeline's document id)
 * @param expectedQa Q&A search documents the batch must give
 */
record Batch(
    String name, Path staged, List<String> identifiers, List<String> documentIds, int expectedQa) {

  static Batch generate(Path workDir, int number, int size) throws IOException {
    String name = "batch-" + number;
    Path staged = Files.createDirectories(workDir.resolve("staged").resolve(name));
    List<String> identifiers = new ArrayList<>();
    List<String> documentIds = new ArrayList<>();
    int qa = 0;
    for (int i = 1; i <= size; i++) {
      GeneratedKamerstuk kamerstuk = new GeneratedKamerstuk(number * 1000 + i, 1 + i % 3);
      Path file = kamerstuk.write(staged.resolve(kamerstuk.identifier() + ".pdf"));
      identifiers.add(kamerstuk.identifier());
      documentIds.add(sha256(file));
      qa += kamerstuk.pairs();
    }
    return new Batch(name, staged, List.copyOf(identifiers), List.copyOf(documentIds), qa);
  }

  /** Moves the whole folder into the inbox at once: 200 complete files appear in one rename. */
  void dropInto(Path inbox) throws IOException {
    Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  int size() {
    return identifiers.size();
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
