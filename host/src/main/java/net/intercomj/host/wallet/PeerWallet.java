package net.intercomj.host.wallet;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.api.wallet.Wallet;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The peer's Ed25519 identity, compatible with {@code trac-wallet}: keys from a BIP-39 mnemonic
 * via SLIP-10 (with the address prefix folded into the path), or from a 64-byte libsodium secret
 * key; the address is {@code bech32m(hrp, publicKey)}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows secrets; the secret key and the
 * mnemonic are only available through the explicitly named accessors, which exist so the
 * keystore can be written and the user can back the phrase up.
 */
public final class PeerWallet implements Wallet {

    /** Address prefix used when none is given. */
    public static final String DEFAULT_HRP = TracAddress.MAINNET_HRP;

    /** Derivation path used when none is given. */
    public static final String DEFAULT_DERIVATION_PATH = DerivationPath.MAINNET;

    private static final HexFormat HEX = HexFormat.of();

    private final String hrp;
    private final byte[] seed;
    private final byte[] publicKey;
    private final String address;
    private final String mnemonic;
    private final String derivationPath;
    private final Ed25519PrivateKeyParameters signingKey;

    private PeerWallet(String hrp, byte[] seed, String mnemonic, String derivationPath) {
        TracAddress.requireValidHrp(hrp);
        this.hrp = hrp;
        this.seed = seed.clone();
        this.signingKey = Ed25519Keys.privateKey(this.seed);
        this.publicKey = signingKey.generatePublicKey().getEncoded();
        this.address = TracAddress.encode(hrp, publicKey);
        this.mnemonic = mnemonic;
        this.derivationPath = derivationPath;
    }

    /**
     * The mainnet wallet of a mnemonic: hrp {@code trac}, path {@code m/918'/0'/0'/0'}.
     *
     * @throws IllegalArgumentException if the phrase is not 12 or 24 valid English words
     */
    public static PeerWallet fromMnemonic(String mnemonic) {
        return fromMnemonic(mnemonic, DEFAULT_HRP, DEFAULT_DERIVATION_PATH);
    }

    /**
     * The wallet of a mnemonic for an address prefix and a hardened derivation path.
     *
     * <p>The phrase is normalised first (see {@link Bip39#normalize}); the normalised phrase and
     * the whitespace-free path are what {@link #mnemonic()} and {@link #derivationPath()} return,
     * as in the original.
     *
     * @throws IllegalArgumentException for an invalid phrase, hrp or path
     */
    public static PeerWallet fromMnemonic(String mnemonic, String hrp, String derivationPath) {
        Objects.requireNonNull(mnemonic, "mnemonic");
        TracAddress.requireValidHrp(hrp);
        String phrase = Bip39.requireValid(mnemonic);
        DerivationPath path = DerivationPath.parse(derivationPath);
        byte[] bip39Seed = Bip39.seed(phrase, "");
        byte[] key = Slip10.deriveForPrefix(bip39Seed, hrp, path).privateKey();
        try {
            return new PeerWallet(hrp, key, phrase, path.path());
        } finally {
            Arrays.fill(bip39Seed, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A new mainnet wallet from a fresh 24-word mnemonic. */
    public static PeerWallet generate() {
        return generate(DEFAULT_HRP, DEFAULT_DERIVATION_PATH);
    }

    /** A new wallet from a fresh 24-word mnemonic, for the given prefix and path. */
    public static PeerWallet generate(String hrp, String derivationPath) {
        return fromMnemonic(Bip39.generate(), hrp, derivationPath);
    }

    /** A mainnet wallet from a 64-byte libsodium secret key; see {@link #fromSecretKey(String, byte[])}. */
    public static PeerWallet fromSecretKey(byte[] secretKey) {
        return fromSecretKey(DEFAULT_HRP, secretKey);
    }

    /**
     * A wallet from a 64-byte libsodium secret key ({@code seed ‖ publicKey}), without mnemonic or path.
     *
     * <p>Unlike the original, which takes bytes 32..63 on trust, the public half is checked against
     * the seed: a mismatch would make this peer's signatures differ from libsodium's.
     *
     * @throws IllegalArgumentException if the key is not 64 bytes or its halves do not match
     */
    public static PeerWallet fromSecretKey(String hrp, byte[] secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.length != Ed25519Keys.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("Invalid secret key. Expected a Buffer of length "
                    + Ed25519Keys.SECRET_KEY_SIZE + ", got " + secretKey.length);
        }
        if (!Ed25519Keys.isConsistentSecretKey(secretKey)) {
            throw new IllegalArgumentException("Invalid secret key: its public half does not match its seed");
        }
        return fromParts(hrp, secretKey, null, null);
    }

    /** Keystore import: key already checked, mnemonic and path already sanitised (may be null). */
    static PeerWallet fromParts(String hrp, byte[] secretKey, String mnemonic, String derivationPath) {
        byte[] seed = Arrays.copyOf(secretKey, Ed25519Keys.SEED_SIZE);
        try {
            return new PeerWallet(hrp, seed, mnemonic, derivationPath);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Upstream-compatible signature check ({@code Wallet.verify} of trac-wallet).
     *
     * <p>Returns {@code false}, never throws, for a signature that is not 64 bytes, a public key
     * that is not 32 bytes and, like the original, for an <em>empty message</em>: peers must agree
     * on which signatures are valid, so this quirk is kept.
     */
    public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        if (message == null || message.length == 0) {
            return false;
        }
        return Ed25519Keys.verify(signature, message, publicKey);
    }

    /** The address prefix this wallet's {@link #address()} uses. */
    public String hrp() {
        return hrp;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String publicKeyHex() {
        return HEX.formatHex(publicKey);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(signingKey, message);
    }

    /** The 64-byte libsodium secret key {@code seed ‖ publicKey} (a fresh copy). Handle with care. */
    public byte[] secretKey() {
        byte[] out = Arrays.copyOf(seed, Ed25519Keys.SECRET_KEY_SIZE);
        System.arraycopy(publicKey, 0, out, Ed25519Keys.SEED_SIZE, Ed25519Keys.PUBLIC_KEY_SIZE);
        return out;
    }

    /** The secret key as 128 lowercase hex characters, as stored in {@code keypair.json}. */
    public String secretKeyHex() {
        byte[] sk = secretKey();
        try {
            return HEX.formatHex(sk);
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    /** The normalised mnemonic, if the wallet came from (or was stored with) one. */
    public Optional<String> mnemonic() {
        return Optional.ofNullable(mnemonic);
    }

    /** The derivation path text, if the wallet came from (or was stored with) a mnemonic. */
    public Optional<String> derivationPath() {
        return Optional.ofNullable(derivationPath);
    }

    /** Shows only public data. */
    @Override
    public String toString() {
        return "PeerWallet[address=" + address + ", publicKey=" + publicKeyHex() + "]";
    }
}
