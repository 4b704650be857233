package net.intercomj.host.contract.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import net.intercomj.host.wallet.Bech32;
import net.intercomj.host.wallet.Bech32Exception;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The addresses trac-peer's {@code bitcoin_address} rule accepts (it asks
 * multicoin-address-validator 0.5.25 for Bitcoin, Solana, DogeCoin and BinanceSmartChain with
 * {@code networkType: "both"}, then tries a Trac public key):
 * <ul>
 *   <li>base58check with 21-byte payloads: Bitcoin's version bytes 0x00, 0x05 (mainnet),
 *       0x6f, 0xc4 and, as that library lists them, 0x3c, 0x26 (testnet); Dogecoin's 0x1e,
 *       0x16 (mainnet), 0x71, 0xc4 (testnet);</li>
 *   <li>segwit (BIP-173 bech32 for version 0 with a 20- or 32-byte program, BIP-350 bech32m for
 *       versions 1 to 16 with 2 to 40 bytes), prefix {@code bc} or {@code tb}, one case;</li>
 *   <li>Solana: base58 of exactly 32 bytes. The library only asked for 43 or 44 characters of
 *       base58, which took some strings of 31 or 33 bytes and refused keys with leading zero
 *       bytes, such as the system program's {@code 11111111111111111111111111111111};</li>
 *   <li>BNB Smart Chain: {@code 0x} and 40 hex digits, all lowercase, all uppercase, or mixed
 *       with a valid EIP-55 checksum (Keccak-256);</li>
 *   <li>a Trac public key: 64 lowercase hex digits.</li>
 * </ul>
 */
final class WalletAddresses {

    /** Longest base58 text worth decoding: 32 zero bytes are 32 characters, other 32-byte values at most 44. */
    private static final int MAX_BASE58 = 44;
    private static final byte[] BASE58CHECK_VERSIONS = {0x00, 0x05, 0x6f, (byte) 0xc4, 0x3c, 0x26, 0x1e, 0x16, 0x71};
    private static final Pattern EVM = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final Pattern EVM_LOWER = Pattern.compile("^0x[0-9a-f]{40}$");
    private static final Pattern EVM_UPPER = Pattern.compile("^0x[0-9A-F]{40}$");
    private static final Pattern TRAC_KEY = Pattern.compile("^[0-9a-f]{64}$");

    private WalletAddresses() {}

    static boolean isValid(String address) {
        return isBase58Check(address) || isSegwit(address) || isSolana(address) || isEvm(address)
                || TRAC_KEY.matcher(address).matches();
    }

    static boolean isBase58Check(String address) {
        byte[] decoded = address.length() <= MAX_BASE58 ? Base58.decode(address) : null;
        if (decoded == null || decoded.length != 25) {
            return false;
        }
        byte[] payload = Arrays.copyOf(decoded, 21);
        byte[] checksum = sha256(sha256(payload));
        for (int i = 0; i < 4; i++) {
            if (checksum[i] != decoded[21 + i]) {
                return false;
            }
        }
        for (byte version : BASE58CHECK_VERSIONS) {
            if (decoded[0] == version) {
                return true;
            }
        }
        return false;
    }

    static boolean isSegwit(String address) {
        Bech32.Decoded decoded;
        byte[] program;
        try {
            decoded = Bech32.decode(address);
            byte[] data = decoded.data();
            if (data.length < 1 || data[0] > 16) {
                return false;
            }
            program = Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
            int version = data[0];
            if (!decoded.hrp().equals("bc") && !decoded.hrp().equals("tb")) {
                return false;
            }
            if (program.length < 2 || program.length > 40) {
                return false;
            }
            if (version == 0) {
                return decoded.variant() == Bech32.Variant.BECH32 && (program.length == 20 || program.length == 32);
            }
            return decoded.variant() == Bech32.Variant.BECH32M;
        } catch (Bech32Exception e) {
            return false;
        }
    }

    static boolean isSolana(String address) {
        byte[] decoded = address.length() <= MAX_BASE58 ? Base58.decode(address) : null;
        return decoded != null && decoded.length == 32;
    }

    static boolean isEvm(String address) {
        if (!EVM.matcher(address).matches()) {
            return false;
        }
        if (EVM_LOWER.matcher(address).matches() || EVM_UPPER.matcher(address).matches()) {
            return true;
        }
        String hex = address.substring(2);
        byte[] hash = keccak256(hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            char c = hex.charAt(i);
            boolean upper = c >= 'A' && c <= 'F';
            boolean lower = c >= 'a' && c <= 'f';
            if ((nibble > 7 && lower) || (nibble <= 7 && upper)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] keccak256(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
