package net.intercomj.host.apps;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder and runs a task once it has been quiet for a while after a change: copying a
 * jar in produces a burst of events, and the jar is complete only once they stop.
 *
 * <p>It can also watch the subfolders down to a given depth (an app folder and its
 * {@code features/}): a subfolder created later is watched as soon as its creation is seen, so
 * the files copied into it extend the same burst.
 */
public final class FolderWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final WatchService service;
    private final Path folder;
    private final int depth;
    private final Thread thread;

    private FolderWatch(WatchService service, Path folder, int depth, Duration quiet, Runnable onChange) {
        this.service = service;
        this.folder = folder;
        this.depth = depth;
        this.thread = Thread.ofVirtual().name("folder-watch").start(() -> run(quiet, onChange));
    }

    /** Starts watching {@code folder}; {@code onChange} runs after each burst of changes, {@code quiet} after its last event. */
    public static FolderWatch start(Path folder, Duration quiet, Runnable onChange) throws IOException {
        return start(folder, 0, quiet, onChange);
    }

    /**
     * As {@link #start(Path, Duration, Runnable)}, also watching the subfolders of {@code folder}
     * down to {@code depth} levels (0: the folder alone; 2: {@code apps/<app>/features}).
     */
    public static FolderWatch start(Path folder, int depth, Duration quiet, Runnable onChange) throws IOException {
        WatchService service = folder.getFileSystem().newWatchService();
        try {
            register(service, folder);
            FolderWatch watch = new FolderWatch(service, folder, depth, quiet, onChange);
            watch.registerBelow(folder);
            return watch;
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private static void register(WatchService service, Path folder) throws IOException {
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    /** Watches the subfolders of {@code start} that lie within the depth (registering one again does nothing). */
    private void registerBelow(Path start) throws IOException {
        int level = start.equals(folder) ? 0 : folder.relativize(start).getNameCount();
        int below = depth - level;
        if (below <= 0 || !Files.isDirectory(start)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(start, below)) {
            folders = walk.filter(Files::isDirectory).filter(path -> !path.equals(folder)).toList();
        }
        for (Path sub : folders) {
            register(service, sub);
        }
    }

    /** Takes the key's events, watching the subfolders they created; then resets the key. */
    private void drain(WatchKey key) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (depth > 0 && event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && key.watchable() instanceof Path parent && event.context() instanceof Path name) {
                Path created = parent.resolve(name);
                if (folder.relativize(created).getNameCount() <= depth && Files.isDirectory(created)) {
                    try {
                        register(service, created);
                        registerBelow(created);
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("Cannot watch {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
    }

    private void run(Duration quiet, Runnable onChange) {
        try {
            while (true) {
                drain(service.take());
                for (WatchKey more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); more != null;
                        more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
                    drain(more);
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
