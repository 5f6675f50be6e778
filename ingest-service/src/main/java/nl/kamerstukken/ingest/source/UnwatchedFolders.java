package nl.kamerstukken.ingest.source;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once per watcher, that a folder could not be watched (typically past {@code
 * fs.inotify.max_user_watches}, which Java's WatchService on Linux hits as well): changes there are
 * left to the periodic rescan. Once, because an inbox with many folders would otherwise log a line
 * per folder. Not thread-safe, like the watchers that use it.
 */
final class UnwatchedFolders {

  private static final Logger LOG = LoggerFactory.getLogger(UnwatchedFolders.class);

  private boolean warned;

  void cannotWatch(Path folder, Exception reason) {
    if (warned) {
      return;
    }
    LOG.warn(
        "cannot watch [{}] ({}); changes there are found by the periodic rescan only and complete"
            + " by the settle time. Raise fs.inotify.max_user_watches if the inbox has many folders",
        folder,
        reason.getMessage());
    warned = true;
  }
}
