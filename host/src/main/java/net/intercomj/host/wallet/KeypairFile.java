package net.intercomj.host.wallet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import net.intercomj.host.store.AtomicFiles;
import net.intercomj.host.wallet.WalletException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life cycle of a peer's {@code keypair.json} on disk.
 *
 * <p>Rules, all deliberate:
 * <ul>
 *   <li>Opening only reads. Whatever goes wrong (bad JSON, wrong password, inconsistent keys),
 *       the file is never modified, rewritten, renamed or deleted: it may be the only copy of a
 *       funded identity, and a damaged file can still be repaired by hand.</li>
 *   <li>Creating never replaces an existing file. The new file is written to a temporary file
 *       in the same folder, flushed to disk, and then published under its final name with an
 *       operation that cannot overwrite: a hard link where the file system supports it (it fails
 *       atomically if the name is taken, even when two processes race), otherwise an
 *       {@code ATOMIC_MOVE} right after a final existence check. A reader therefore sees either
 *       no file or the complete one.</li>
 *   <li>Files are created with POSIX permissions {@code 0600} where the file system has them.</li>
 * </ul>
 * Every failure is a {@link WalletException} whose message names the file, says what is wrong
 * and, for opening, that the file was left untouched.
 */
public final class KeypairFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeypairFile.class);

    private KeypairFile() {
    }

    /**
     * Opens the mainnet wallet stored in {@code file}, or, if there is no such file, generates a
     * new one (24-word mnemonic, hrp {@code trac}, path {@code m/918'/0'/0'/0'}) and stores it.
     *
     * @param password {@code null} or empty for the usual password-less file
     */
    public static PeerWallet loadOrCreate(Path file, byte[] password) throws WalletException {
        return loadOrCreate(file, password, PeerWallet.DEFAULT_HRP, PeerWallet.DEFAULT_DERIVATION_PATH);
    }

    /** As {@link #loadOrCreate(Path, byte[])}, for another address prefix and derivation path. */
    public static PeerWallet loadOrCreate(Path file, byte[] password, String hrp, String derivationPath)
            throws WalletException {
        return loadOrCreate(Keystore.standard(), file, password, hrp, derivationPath);
    }

    static PeerWallet loadOrCreate(Keystore keystore, Path file, byte[] password, String hrp,
                                   String derivationPath) throws WalletException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return open(keystore, file, password, hrp);
        }
        PeerWallet wallet = PeerWallet.generate(hrp, derivationPath);
        try {
            create(keystore, file, wallet, password);
        } catch (WalletException e) {
            if (e.kind() != Kind.ALREADY_EXISTS) {
                throw e;
            }
            // Another process created the file between our check and our write: use theirs.
            return open(keystore, file, password, hrp);
        }
        LOG.debug("Key pair generated and stored in {}", file);
        return wallet;
    }

    /** Opens a mainnet ({@code trac}) wallet file. Never modifies the file. */
    public static PeerWallet open(Path file, byte[] password) throws WalletException {
        return open(file, password, PeerWallet.DEFAULT_HRP);
    }

    /**
     * Opens a wallet file; the address uses {@code hrp}. Never modifies the file.
     *
     * @param password {@code null} or empty for the usual password-less file
     * @throws IllegalArgumentException if {@code hrp} is not a valid address prefix
     */
    public static PeerWallet open(Path file, byte[] password, String hrp) throws WalletException {
        return open(Keystore.standard(), file, password, hrp);
    }

    static PeerWallet open(Keystore keystore, Path file, byte[] password, String hrp) throws WalletException {
        Objects.requireNonNull(file, "file");
        byte[] content = read(file);
        try {
            return keystore.decrypt(content, password, hrp);
        } catch (WalletException e) {
            throw openFailure(file, e.kind(), e.getMessage(), e);
        }
    }

    /**
     * Encrypts {@code wallet} into a new file; parent folders are created as needed.
     *
     * @param password {@code null} or empty for the usual password-less file
     * @throws WalletException with {@link Kind#ALREADY_EXISTS} if anything exists at {@code file}
     */
    public static void create(Path file, PeerWallet wallet, byte[] password) throws WalletException {
        create(Keystore.standard(), file, wallet, password);
    }

    static void create(Keystore keystore, Path file, PeerWallet wallet, byte[] password) throws WalletException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(wallet, "wallet");
        refuseIfExists(file);
        byte[] content = keystore.encrypt(wallet, password).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.create(file, content, true);
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(file, e);
        } catch (IOException e) {
            throw createFailure(file, Kind.IO, describe(e), e);
        }
        LOG.debug("Key pair exported to {}", file);
    }

    private static byte[] read(Path file) throws WalletException {
        if (!Files.exists(file)) {
            throw notFound(file, null);
        }
        if (Files.isDirectory(file)) {
            throw openFailure(file, Kind.IO, "it is a directory, not a wallet file", null);
        }
        // Bounded read: a wrong path pointing at a huge file must not exhaust memory.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(Keystore.MAX_FILE_BYTES + 1);
            if (content.length > Keystore.MAX_FILE_BYTES) {
                throw openFailure(file, Kind.MALFORMED,
                        "too large to be a wallet keystore (more than " + Keystore.MAX_FILE_BYTES + " bytes)", null);
            }
            return content;
        } catch (NoSuchFileException e) {
            throw notFound(file, e);
        } catch (IOException e) {
            throw openFailure(file, Kind.IO, "cannot read the file (" + describe(e) + ")", e);
        }
    }

    private static void refuseIfExists(Path file) throws WalletException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw alreadyExists(file, null);
        }
    }

    private static WalletException alreadyExists(Path file, Throwable cause) {
        return new WalletException(Kind.ALREADY_EXISTS, "Cannot create wallet file " + file + ": File " + file
                + " already exists. Refusing to overwrite it; the existing file was left untouched.", cause);
    }

    private static WalletException notFound(Path file, Throwable cause) {
        return new WalletException(Kind.NOT_FOUND, "Cannot open wallet file " + file + ": File " + file
                + " not found.", cause);
    }

    private static WalletException openFailure(Path file, Kind kind, String reason, Throwable cause) {
        return new WalletException(kind, "Cannot open wallet file " + file + ": " + reason
                + ". The file was left untouched.", cause);
    }

    private static WalletException createFailure(Path file, Kind kind, String reason, Throwable cause) {
        return new WalletException(kind, "Cannot create wallet file " + file + ": " + reason
                + ". No wallet file was written.", cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
