package net.intercomj.host.net.dht;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.AddressCodec;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.wallet.Ed25519Keys;
import net.intercomj.host.wallet.PeerWallet;

/**
 * Signed records. The signature covers a domain string, the topic, the id of the node asked
 * to store it and the record, so a record stored on one node cannot be replayed to another
 * (nor an announcement turned into an unannouncement): each node checks against its own id,
 * and a looker checks against the id of the node that answered.
 */
final class RecordCodec {

    /** A record with the signature made for one storing node. */
    record Signed(PeerRecord record, byte[] signature) {}

    static final int MAX_RECORDS_PER_RESPONSE = 20;
    private static final byte[] ANNOUNCE = "intercom/dht/announce/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNANNOUNCE = "intercom/dht/unannounce/v1\0".getBytes(StandardCharsets.US_ASCII);

    private RecordCodec() {}

    static void writeRecord(PeerRecord record, WireWriter out) {
        out.bytes32(record.publicKey()).uvarint(record.seq()).u8(record.addresses().size());
        record.addresses().forEach(address -> AddressCodec.write(address, out));
    }

    static PeerRecord readRecord(WireReader in) throws WireException {
        Bytes32 key = in.bytes32("record key");
        long seq = in.uvarint("record seq");
        int count = in.u8("address count");
        if (count > PeerRecord.MAX_ADDRESSES) {
            throw new WireException("address count: " + count + " is above " + PeerRecord.MAX_ADDRESSES);
        }
        List<InetSocketAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(AddressCodec.read(in));
        }
        return new PeerRecord(key, addresses, seq);
    }

    static byte[] encodeSigned(Signed signed) {
        WireWriter out = new WireWriter();
        writeRecord(signed.record(), out);
        return out.fixed(signed.signature()).toByteArray();
    }

    static Signed decodeSigned(byte[] value) throws WireException {
        WireReader in = new WireReader(value);
        PeerRecord record = readRecord(in);
        byte[] signature = in.fixed(Ed25519Keys.SIGNATURE_SIZE, "signature");
        in.expectEnd("signed record");
        return new Signed(record, signature);
    }

    static byte[] encodeList(List<Signed> records) {
        WireWriter out = new WireWriter();
        out.uvarint(records.size());
        for (Signed signed : records) {
            writeRecord(signed.record(), out);
            out.fixed(signed.signature());
        }
        return out.toByteArray();
    }

    static List<Signed> decodeList(byte[] value) throws WireException {
        if (value.length == 0) {
            return List.of();
        }
        WireReader in = new WireReader(value);
        int count = in.uvarint("record count", MAX_RECORDS_PER_RESPONSE);
        List<Signed> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PeerRecord record = readRecord(in);
            records.add(new Signed(record, in.fixed(Ed25519Keys.SIGNATURE_SIZE, "signature")));
        }
        in.expectEnd("record list");
        return records;
    }

    static Signed sign(PeerRecord record, Bytes32 topic, Bytes32 storingNode, PeerWallet signer, boolean announce) {
        return new Signed(record, signer.sign(signable(record, topic, storingNode, announce)));
    }

    static boolean verify(Signed signed, Bytes32 topic, Bytes32 storingNode, boolean announce) {
        return PeerWallet.verify(signed.signature(), signable(signed.record(), topic, storingNode, announce),
                signed.record().publicKey().toByteArray());
    }

    private static byte[] signable(PeerRecord record, Bytes32 topic, Bytes32 storingNode, boolean announce) {
        byte[] domain = announce ? ANNOUNCE : UNANNOUNCE;
        WireWriter out = new WireWriter();
        out.fixed(domain).bytes32(topic).bytes32(storingNode);
        writeRecord(record, out);
        return out.toByteArray();
    }

    static boolean sameSignature(Signed a, Signed b) {
        return Arrays.equals(a.signature(), b.signature());
    }
}
