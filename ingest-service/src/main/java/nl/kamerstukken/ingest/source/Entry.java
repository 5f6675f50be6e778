package nl.kamerstukken.ingest.source;

import java.nio.file.Path;

/** What one path in the inbox turned out to be. */
sealed interface Entry permits InboxFile, Refusal, Entry.Folder, Entry.Nothing {

  /** A real folder (not a link) inside the inbox: watched and walked. */
  record Folder(Path path) implements Entry {}

  /** Missing, ignored by name, a link to a folder, or not a regular file: nothing to ingest. */
  record Nothing(String why) implements Entry {}
}
