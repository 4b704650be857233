package net.intercomj.host.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * An app's version hash: SHA-256 over its code, so two peers run the same contract exactly when
 * their hashes agree (DESIGN §4). For a plugin, the code is every file of its jar (or class
 * folder) outside {@code META-INF/}, in name order, each framed as its name, a zero byte, its
 * length as 8 bytes and its bytes. {@code META-INF/} is left out because the build writes
 * tool versions into the manifest; the plugin's identity is already in its id. Builds must be
 * reproducible ({@code project.build.outputTimestamp}) for two builds of one source to agree.
 */
public final class AppVersion {

    private AppVersion() {}

    /** The hash of the jar or class folder at {@code code}. */
    public static String ofCode(Path code) {
        try {
            return Files.isDirectory(code) ? ofFolder(code) : ofJar(code);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the app's code at " + code, e);
        }
    }

    /**
     * The hash of named files, framed as a jar's entries are (name, a zero byte, the length as 8
     * bytes, the bytes) and taken in name order whatever the map's order.
     *
     * @param files file name → content
     */
    public static String ofFiles(Map<String, byte[]> files) {
        return digest(new TreeMap<>(files));
    }

    /**
     * The hash of the GraalJS app in {@code folder}: {@link #ofFiles} over its {@code contract.js}
     * and {@code protocol.js}, the two files its code is. Other files of the folder
     * ({@code app.json}, a README) do not count, nor do its {@code features/*.js}: features run
     * on one peer and not when the log is applied, so they cannot make peers disagree.
     *
     * @throws UncheckedIOException when either file cannot be read
     */
    public static String ofJsApp(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : List.of("contract.js", "protocol.js")) {
            try {
                files.put(name, Files.readAllBytes(folder.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the app's " + name + " in " + folder, e);
            }
        }
        return ofFiles(files);
    }

    private static String ofJar(Path jar) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entry : java.util.Collections.list(file.entries())) {
                if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return digest(files);
    }

    private static String ofFolder(Path folder) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path path : paths) {
            String name = folder.relativize(path).toString().replace(java.io.File.separatorChar, '/');
            if (!name.startsWith("META-INF/")) {
                files.put(name, Files.readAllBytes(path));
            }
        }
        return digest(files);
    }

    /** The hash of named files, in the order given: also what a JavaScript app's hash is made of. */
    static String digest(SortedMap<String, byte[]> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        for (var file : files.entrySet()) {
            sha256.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(file.getValue().length).array());
            sha256.update(file.getValue());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
