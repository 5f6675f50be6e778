package nl.kamerstukken.ingest.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import nl.kamerstukken.model.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watched folder, and the only way this service touches it: it lists and reads, never follows a
 * link out of the folder, and never writes. Links are not followed while walking; a link to a file
 * inside the inbox is read like that file, a link that leads outside is refused with {@code
 * OUTSIDE_WATCHED_FOLDER}, a link to a folder is skipped (walking linked folders invites cycles).
 */
final class Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  /** What a walk found: files and refusals to consider, and the folders to watch. */
  record Listing(List<InboxFile> files, List<Refusal> refusals, List<Path> folders) {}

  private final Path root;

  private Inbox(Path root) {
    this.root = root;
  }

  /** The inbox at {@code folder}, which must exist; its real path is the boundary. */
  static Inbox at(Path folder) throws IOException {
    return new Inbox(folder.toRealPath());
  }

  Path root() {
    return root;
  }

  /** Whether the folder itself is there; when it is not, nothing in it counts as deleted. */
  boolean available() {
    return Files.isDirectory(root) && Files.isReadable(root);
  }

  String sourcePath(Path path) {
    StringBuilder relative = new StringBuilder();
    for (Path part : root.relativize(path)) {
      relative.append(relative.length() == 0 ? "" : "/").append(part);
    }
    return relative.toString();
  }

  Path resolve(String sourcePath) {
    return sourcePath.isEmpty() ? root : root.resolve(sourcePath);
  }

  /** The file at {@code sourcePath} as it is now, if a readable entry of the inbox is there. */
  Optional<InboxFile> stat(String sourcePath) {
    return inspect(resolve(sourcePath)) instanceof InboxFile file
        ? Optional.of(file)
        : Optional.empty();
  }

  /** What {@code path} (inside the inbox) is now. */
  Entry inspect(Path path) {
    if (!path.equals(root) && NameRules.ignored(path.getFileName().toString())) {
      return new Entry.Nothing("ignored name");
    }
    try {
      return classify(
          path, Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return new Entry.Nothing("missing");
    } catch (IOException e) {
      LOG.warn("cannot read attributes of [{}]: {}", path, e.toString());
      return new Entry.Nothing("unreadable attributes");
    }
  }

  private Entry classify(Path path, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return new Entry.Folder(path);
    }
    if (attributes.isSymbolicLink()) {
      return link(path, FileStamp.of(attributes));
    }
    if (attributes.isRegularFile()) {
      return new InboxFile(sourcePath(path), path, FileStamp.of(attributes));
    }
    return new Entry.Nothing("not a regular file");
  }

  private Entry link(Path link, FileStamp linkStamp) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      return new Entry.Nothing("broken link");
    }
    if (!target.startsWith(root)) {
      return new Refusal(
          sourcePath(link),
          linkStamp,
          ReasonCode.OUTSIDE_WATCHED_FOLDER,
          "link "
              + sourcePath(link)
              + " in the inbox points outside it, to "
              + target
              + "; copy the file into "
              + root
              + " instead of linking it");
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
      return attributes.isRegularFile()
          ? new InboxFile(sourcePath(link), link, FileStamp.of(attributes))
          : new Entry.Nothing("link to a folder");
    } catch (IOException e) {
      return new Entry.Nothing("broken link");
    }
  }

  /** Walks {@code start} (a folder inside the inbox) without following links. */
  Listing list(Path start) throws IOException {
    List<InboxFile> files = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    Files.walkFileTree(
        start,
        EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && NameRules.ignored(dir.getFileName().toString())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            folders.add(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!NameRules.ignored(file.getFileName().toString())) {
              Entry entry = classify(file, attrs);
              if (entry instanceof InboxFile found) {
                files.add(found);
              } else if (entry instanceof Refusal refusal) {
                refusals.add(refusal);
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(start)) {
              throw e;
            }
            if (!(e instanceof NoSuchFileException)) {
              LOG.warn("cannot list [{}] in the inbox: {}", file, e.toString());
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return new Listing(files, refusals, folders);
  }

  /**
   * Opens a file for reading after checking, at this moment, that its real path is inside the
   * inbox. Failures (also while reading) are {@link SourceFileException}s with the reason for the
   * dead letter.
   */
  InputStream open(InboxFile file) throws SourceFileException {
    try {
      Path real = file.path().toRealPath();
      if (!real.startsWith(root)) {
        throw new SourceFileException(
            ReasonCode.OUTSIDE_WATCHED_FOLDER,
            file.sourcePath() + " now leads outside the inbox, to " + real + "; it is not read",
            null);
      }
      return new SourceStream(
          Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS), file.sourcePath());
    } catch (NoSuchFileException e) {
      throw new SourceFileException(
          ReasonCode.FILE_VANISHED, file.sourcePath() + " disappeared before it could be read", e);
    } catch (AccessDeniedException e) {
      throw unreadable(file.sourcePath(), e);
    } catch (SourceFileException e) {
      throw e;
    } catch (IOException e) {
      throw unreadable(file.sourcePath(), e);
    }
  }

  private static SourceFileException unreadable(String sourcePath, IOException e) {
    return new SourceFileException(
        ReasonCode.UNREADABLE_FILE,
        "cannot read " + sourcePath + ": " + e + "; check its permissions",
        e);
  }

  /**
   * Marks read failures as the file's problem, so they are not mistaken for a blob store failure.
   */
  private static final class SourceStream extends FilterInputStream {

    private final String sourcePath;

    SourceStream(InputStream in, String sourcePath) {
      super(in);
      this.sourcePath = sourcePath;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw unreadable(sourcePath, e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw unreadable(sourcePath, e);
      }
    }
  }
}
