package net.intercomj.host.apps;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder and runs a task once it has been quiet for a while after a change: copying a
 * jar in produces a burst of events, and the jar is complete only once they stop.
 */
final class FolderWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final WatchService service;
    private final Thread thread;

    private FolderWatch(WatchService service, Path folder, Duration quiet, Runnable onChange) {
        this.service = service;
        this.thread = Thread.ofVirtual().name("plugin-folder-watch").start(() -> run(folder, quiet, onChange));
    }

    /** Starts watching {@code folder}; {@code onChange} runs after each burst of changes, {@code quiet} after its last event. */
    static FolderWatch start(Path folder, Duration quiet, Runnable onChange) throws IOException {
        WatchService service = folder.getFileSystem().newWatchService();
        try {
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        return new FolderWatch(service, folder, quiet, onChange);
    }

    private void run(Path folder, Duration quiet, Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents();
                key.reset();
                for (WatchKey more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); more != null;
                        more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.warn("Reacting to a change in {} failed", folder, e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("Closing the folder watch failed", e);
        }
        thread.interrupt();
    }
}
