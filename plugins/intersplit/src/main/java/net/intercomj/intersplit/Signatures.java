package net.intercomj.intersplit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;

/**
 * Author signatures of events and clears (fixes W3 for relayed history).
 *
 * <p>An event's {@code by} is its author's <b>public key</b>, 64 lowercase hex (the original put
 * the {@code trac1…} address there, which is the same key in bech32m; the key is used because
 * the sidechannel gives the sender's key and the verifier takes a key). The author signs, with
 * its wallet, the UTF-8 bytes of
 * <pre>expense_split_v1/event\n&lt;canonical channel&gt;\n&lt;the event's canonical JSON&gt;</pre>
 * where the canonical JSON is {@link Expense#toJson()} of the normalized event (field order
 * fixed, no {@code sig}). The channel is signed too, so an event cannot be replayed into another
 * room. A clear signs {@code expense_split_v1/clear\n<channel>\n<ts>\n<by>}.
 */
public final class Signatures {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SIG = Pattern.compile("[0-9a-f]{128}");

    private Signatures() {}

    /** The bytes an event's author signs. */
    public static byte[] eventMessage(String channel, Expense event) {
        return ("expense_split_v1/event\n" + channel + "\n" + event.toJson().toJson()).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes a clearing peer signs. */
    public static byte[] clearMessage(String channel, long ts, String by) {
        return ("expense_split_v1/clear\n" + channel + "\n" + ts + "\n" + by).getBytes(StandardCharsets.UTF_8);
    }

    /** Signs {@code event} (whose {@code by} must be the wallet's key) for {@code channel}. */
    public static SignedExpense sign(Wallet wallet, String channel, Expense event) {
        return new SignedExpense(event, HEX.formatHex(wallet.sign(eventMessage(channel, event))));
    }

    /** A clear of {@code channel} at {@code ts}, signed by the wallet. */
    public static Tombstone signClear(Wallet wallet, String channel, long ts) {
        String by = wallet.publicKeyHex();
        return new Tombstone(ts, by, HEX.formatHex(wallet.sign(clearMessage(channel, ts, by))));
    }

    /** Whether {@code signed} carries its {@code by}'s valid signature for {@code channel}. */
    public static boolean verify(SignatureVerifier verifier, String channel, SignedExpense signed) {
        String by = signed.event().by();
        return by != null && verify(verifier, signed.sig(), eventMessage(channel, signed.event()), by);
    }

    /** Whether {@code clear} carries its {@code by}'s valid signature for {@code channel}. */
    public static boolean verify(SignatureVerifier verifier, String channel, Tombstone clear) {
        return verify(verifier, clear.sig(), clearMessage(channel, clear.ts(), clear.by()), clear.by());
    }

    /** Whether {@code text} is a public key as {@code by} holds it. */
    public static boolean isKey(String text) {
        return text != null && KEY.matcher(text).matches();
    }

    private static boolean verify(SignatureVerifier verifier, String sigHex, byte[] message, String keyHex) {
        if (!isKey(keyHex) || sigHex == null || !SIG.matcher(sigHex).matches()) {
            return false;
        }
        return verifier.verify(HEX.parseHex(sigHex), message, HEX.parseHex(keyHex));
    }
}
