package net.intercomj.host.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.intercomj.host.cli.SubnetBootstraps;

/**
 * Which subnet this peer belongs to: the bootstrap key from the flag (or env), else from
 * {@code subnet-bootstrap.hex}, else this peer's own writer key, which makes it the creator
 * of a new subnet.
 *
 * @param hex     the effective bootstrap, 64 lowercase hex characters
 * @param source  where it came from
 * @param created whether this run wrote {@code subnet-bootstrap.hex}
 */
public record SubnetBootstrap(String hex, Source source, boolean created) {

    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{64}$");

    /** Where the effective bootstrap came from. */
    public enum Source {
        /** {@code --subnet-bootstrap} or {@code SUBNET_BOOTSTRAP}. */
        CONFIGURED,
        /** {@code subnet-bootstrap.hex} of an earlier run. */
        FILE,
        /** This peer's writer key: a new subnet. */
        NEW
    }

    /**
     * Resolves the bootstrap and records it in the store.
     *
     * <p>Differences from the original, each deliberate: a bootstrap given by flag is written to
     * the file when there is none yet, so a joiner restarted without the flag stays in its subnet
     * (upstream forgot it); a file with invalid content is an error naming the file instead of
     * being silently replaced by a new subnet, so a typo never loses the subnet membership.
     *
     * @param configured   the validated flag/env value, if any
     * @param file         the {@code subnet-bootstrap.hex} path
     * @param ownWriterKey this peer's writer key (hex), used when nothing else names a subnet
     */
    public static SubnetBootstrap resolve(Optional<String> configured, Path file, String ownWriterKey)
            throws StoreException {
        Optional<String> stored = readFile(file);
        if (configured.isPresent()) {
            boolean created = stored.isEmpty() && write(file, configured.get());
            return new SubnetBootstrap(configured.get(), Source.CONFIGURED, created);
        }
        if (stored.isPresent()) {
            return new SubnetBootstrap(stored.get(), Source.FILE, false);
        }
        write(file, ownWriterKey);
        return new SubnetBootstrap(ownWriterKey, Source.NEW, true);
    }

    private static Optional<String> readFile(Path file) throws StoreException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII).trim().toLowerCase(Locale.ROOT);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + StoreLock.describe(e), e);
        }
        if (!HEX32.matcher(content).matches()) {
            throw new StoreException("Invalid subnet bootstrap file " + file
                    + ": expected 32-byte hex (64 chars). Fix or delete the file, or pass --subnet-bootstrap.");
        }
        if (SubnetBootstraps.isMsbBootstrap(content)) {
            // Upstream checks the effective bootstrap, whichever source it came from.
            throw new StoreException(SubnetBootstraps.EQUALS_MSB_MESSAGE + " (in " + file + ")");
        }
        return Optional.of(content);
    }

    private static boolean write(Path file, String hex) throws StoreException {
        try {
            AtomicFiles.write(file, (hex + "\n").getBytes(StandardCharsets.US_ASCII), false);
            return true;
        } catch (IOException e) {
            throw new StoreException("Cannot write " + file + ": " + StoreLock.describe(e), e);
        }
    }
}
