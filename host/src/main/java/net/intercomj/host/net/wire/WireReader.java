package net.intercomj.host.net.wire;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.intercomj.host.net.Bytes32;

/**
 * Reads the encodings of {@link WireWriter} from a byte range, checking every length
 * against what is left, so hostile input can only ever produce a {@link WireException}.
 * Not thread-safe; one reader per message.
 */
public final class WireReader {

    private final byte[] data;
    private final int end;
    private int position;

    /** Reads {@code data[offset..offset+length)}. */
    public WireReader(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    public WireReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Bytes not read yet. */
    public int remaining() {
        return end - position;
    }

    /** Index in the underlying array of the next byte to read. */
    public int position() {
        return position;
    }

    public int u8(String what) throws WireException {
        need(1, what);
        return data[position++] & 0xff;
    }

    public int u16(String what) throws WireException {
        need(2, what);
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    public long u32(String what) throws WireException {
        need(4, what);
        long value = ((long) (data[position] & 0xff) << 24) | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8) | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    /** A LEB128 unsigned varint of at most 9 bytes (63 bits), in its shortest form. */
    public long uvarint(String what) throws WireException {
        long value = 0;
        for (int shift = 0, count = 0; ; shift += 7, count++) {
            if (count == WireWriter.MAX_VARINT_BYTES) {
                throw new WireException(what + ": varint longer than " + WireWriter.MAX_VARINT_BYTES + " bytes");
            }
            int b = u8(what);
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && count > 0) {
                    // Only the shortest form is valid, so every value has one encoding.
                    throw new WireException(what + ": varint not in its shortest form");
                }
                if (value < 0) {
                    throw new WireException(what + ": varint above 2^63-1");
                }
                return value;
            }
        }
    }

    /** A uvarint that must be at most {@code max}; returned as an int. */
    public int uvarint(String what, int max) throws WireException {
        long value = uvarint(what);
        if (value > max) {
            throw new WireException(what + ": " + value + " is above the limit of " + max);
        }
        return (int) value;
    }

    public Bytes32 bytes32(String what) throws WireException {
        need(Bytes32.LENGTH, what);
        Bytes32 value = Bytes32.of(data, position);
        position += Bytes32.LENGTH;
        return value;
    }

    /** Exactly {@code length} raw bytes. */
    public byte[] fixed(int length, String what) throws WireException {
        need(length, what);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    /** A uvarint length (at most {@code maxLength}) and that many bytes. */
    public byte[] bytes(String what, int maxLength) throws WireException {
        int length = uvarint(what + " length", maxLength);
        return fixed(length, what);
    }

    /** Like {@link #bytes} but as a view on the underlying array, without copying. */
    public ByteBuffer slice(String what, int maxLength) throws WireException {
        int length = uvarint(what + " length", maxLength);
        need(length, what);
        ByteBuffer view = ByteBuffer.wrap(data, position, length).slice().asReadOnlyBuffer();
        position += length;
        return view;
    }

    /** Valid UTF-8 of at most {@code maxBytes} bytes. */
    public String string(String what, int maxBytes) throws WireException {
        byte[] raw = bytes(what, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WireException(what + ": not valid UTF-8");
        }
    }

    /** All bytes not read yet. */
    public byte[] rest() {
        byte[] value = Arrays.copyOfRange(data, position, end);
        position = end;
        return value;
    }

    /** Fails unless every byte was read: trailing bytes mean a malformed or forged message. */
    public void expectEnd(String what) throws WireException {
        if (position != end) {
            throw new WireException(what + ": " + (end - position) + " unexpected trailing bytes");
        }
    }

    private void need(int count, String what) throws WireException {
        if (count < 0 || end - position < count) {
            throw new WireException(what + ": truncated (needs " + count + " bytes, " + (end - position) + " left)");
        }
    }
}
