package net.intercomj.sidechannel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.OptionalLong;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.sidechannel.envelope.Envelope;
import net.intercomj.sidechannel.envelope.EnvelopeCodec;
import net.intercomj.sidechannel.envelope.MessageIds;
import net.intercomj.sidechannel.envelope.MessageSignature;
import net.intercomj.sidechannel.pow.ProofOfWork;

/** Envelopes built by hand, as a hostile or buggy peer would send them. */
final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {}

    /**
     * An envelope signed by {@code signer}, claiming to come from {@code claimedFrom} (the signer
     * when empty), with {@code powBits} of proof of work.
     */
    static byte[] signed(PeerWallet signer, String channel, String messageJson, int powBits,
            Optional<String> claimedFrom) throws Exception {
        return envelope(signer, channel, JSON.readTree(messageJson), powBits, claimedFrom, System.currentTimeMillis());
    }

    static byte[] envelope(PeerWallet signer, String channel, JsonNode message, int powBits,
            Optional<String> claimedFrom, long ts) {
        String from = claimedFrom.orElse(signer.publicKeyHex());
        String id = MessageIds.newId(from);
        Optional<Envelope.Pow> pow = Optional.empty();
        if (powBits > 0) {
            OptionalLong nonce = ProofOfWork.solve(id, channel, from, from, message, ts, powBits, 1L << 30);
            pow = Optional.of(new Envelope.Pow(nonce.orElseThrow(), powBits));
        }
        String sig = MessageSignature.sign(signer, id, channel, from, from, ts, message);
        return EnvelopeCodec.encode(new Envelope("sidechannel", id, channel, from, from, message, ts, 3,
                Optional.empty(), pow, sig, Optional.empty()));
    }
}
