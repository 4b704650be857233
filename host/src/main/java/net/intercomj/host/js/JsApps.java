package net.intercomj.host.js;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.intercomj.host.contract.ContractApps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the GraalJS apps of an {@code apps/} directory: every folder in it (in name order, hidden
 * ones skipped) is one app, added to a {@link ContractApps} under its id and version hash, which
 * builds its contract once right away. A folder that does not load is reported and skipped; the
 * others load all the same.
 */
public final class JsApps {

    private static final Logger LOG = LoggerFactory.getLogger(JsApps.class);

    /**
     * An app that loaded. {@code remove} takes it out of the {@link ContractApps} again; then
     * {@code app.close()} frees its contexts.
     */
    public record Loaded(String id, String versionHash, Path folder, JsApp app, Runnable remove) {}

    /** A folder that did not load, and why (file, line and reason where known). */
    public record Problem(Path folder, String reason) {
        @Override
        public String toString() {
            return folder + ": " + reason;
        }
    }

    /** What {@link #loadAll} did. */
    public record Report(List<Loaded> loaded, List<Problem> problems) {
        public Report {
            loaded = List.copyOf(loaded);
            problems = List.copyOf(problems);
        }
    }

    private JsApps() {}

    /**
     * Loads every app folder of {@code appsDirectory} into {@code apps}. A missing directory has
     * no apps. Each problem is also logged as a warning.
     */
    public static Report loadAll(Path appsDirectory, ContractApps apps) {
        Objects.requireNonNull(appsDirectory, "appsDirectory");
        Objects.requireNonNull(apps, "apps");
        List<Loaded> loaded = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(appsDirectory)) {
            LOG.debug("No GraalJS apps: {} is not a folder", appsDirectory);
            return new Report(loaded, problems);
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(appsDirectory)) {
            folders = list.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            Problem problem = new Problem(appsDirectory, "cannot list the apps: " + e);
            LOG.warn("GraalJS apps not loaded: {}", problem);
            return new Report(loaded, List.of(problem));
        }
        for (Path folder : folders) {
            JsApp app = null;
            try {
                app = JsApp.load(folder);
                Runnable remove = apps.add(app.id(), app.versionHash(), app);
                loaded.add(new Loaded(app.id(), app.versionHash(), folder, app, remove));
                LOG.info("GraalJS app {} loaded from {} (version {})", app.id(), folder, app.versionHash());
            } catch (RuntimeException e) {
                if (app != null) {
                    app.close();
                }
                Problem problem = new Problem(folder, reason(folder, e));
                problems.add(problem);
                LOG.warn("GraalJS app skipped: {}", problem);
            }
        }
        return new Report(loaded, problems);
    }

    /** The exception's message without the folder, which the problem names already. */
    static String reason(Path folder, RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String prefix = folder + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
