package net.intercomj.focusroom;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;

/**
 * Author signatures of session events (fixes W1: the original trusted the self-reported
 * {@code payload.who} / {@code message.by}).
 *
 * <p>The author signs, with its wallet, the UTF-8 bytes of
 * <pre>focus_room/v1\n&lt;eventType&gt;\n&lt;by&gt;\n&lt;seq&gt;\n&lt;at&gt;\n&lt;payload's canonical JSON&gt;</pre>
 * where the payload JSON is {@link FocusEvent#payload()} of the checked event (fixed field order).
 * The room is inside the payload, so an event cannot be replayed into another room; the
 * sequence number is inside too, so it cannot be changed to replay an event in the same
 * session. Because the event carries its own signature, a peer may relay it (history sync) and
 * the receiver still verifies it against its author, whoever relays it.
 */
final class Signatures {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SIG = Pattern.compile("[0-9a-f]{128}");

    private Signatures() {}

    static byte[] message(FocusEvent event, String by, long seq, long at) {
        return ("focus_room/v1\n" + event.type() + "\n" + by + "\n" + seq + "\n" + at + "\n" + event.payload().toJson())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Signs {@code event} as the wallet's key. */
    static SignedEvent sign(Wallet wallet, FocusEvent event, long seq, long at) {
        String by = wallet.publicKeyHex();
        return new SignedEvent(event, at, by, seq, HEX.formatHex(wallet.sign(message(event, by, seq, at))));
    }

    /** Whether {@code signed} carries its {@code by}'s valid signature. */
    static boolean verify(SignatureVerifier verifier, SignedEvent signed) {
        if (!isKey(signed.by()) || !SIG.matcher(signed.sig()).matches()) {
            return false;
        }
        return verifier.verify(HEX.parseHex(signed.sig()), message(signed.event(), signed.by(), signed.seq(), signed.at()),
                HEX.parseHex(signed.by()));
    }

    /** Whether {@code text} is a public key as events hold it: 64 lowercase hex. */
    static boolean isKey(String text) {
        return text != null && KEY.matcher(text).matches();
    }
}
