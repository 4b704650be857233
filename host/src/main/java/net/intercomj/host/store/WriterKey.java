package net.intercomj.host.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The key of this peer's own log in the subnet (upstream's "Peer writer key"). It is not the
 * wallet key: the two identities are kept apart as in the original, where the writer key is
 * the key of the peer's local log core. The first peer of a subnet is its bootstrap, so the
 * subnet's id is the creator's writer key.
 *
 * <p>Stored as the 32-byte Ed25519 seed in hex, readable by the owner only.
 */
public final class WriterKey {

    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{64}$");
    private static final HexFormat HEX = HexFormat.of();

    private final Ed25519PrivateKeyParameters privateKey;

    private WriterKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
    }

    /** Reads the key file, creating a new random key on first use. */
    public static WriterKey loadOrCreate(Path file) throws StoreException {
        try {
            String content = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!HEX32.matcher(content).matches()) {
                throw new StoreException("Invalid writer key file " + file
                        + ": expected 64 lowercase hex characters. The file was left untouched.");
            }
            return new WriterKey(new Ed25519PrivateKeyParameters(HEX.parseHex(content)));
        } catch (NoSuchFileException e) {
            return create(file);
        } catch (IOException e) {
            throw new StoreException("Cannot read writer key file " + file + ": " + StoreLock.describe(e), e);
        }
    }

    private static WriterKey create(Path file) throws StoreException {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        try {
            AtomicFiles.create(file, (HEX.formatHex(seed) + "\n").getBytes(StandardCharsets.US_ASCII), true);
        } catch (FileAlreadyExistsException e) {
            return loadOrCreate(file);
        } catch (IOException e) {
            throw new StoreException("Cannot write writer key file " + file + ": " + StoreLock.describe(e), e);
        }
        return new WriterKey(new Ed25519PrivateKeyParameters(seed));
    }

    /** The 32-byte public key in lowercase hex. */
    public String publicKeyHex() {
        return HEX.formatHex(publicKey());
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return privateKey.generatePublicKey().getEncoded();
    }

    /** The 64-byte Ed25519 signature of {@code message} by this key. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "WriterKey[" + publicKeyHex() + "]";
    }
}
