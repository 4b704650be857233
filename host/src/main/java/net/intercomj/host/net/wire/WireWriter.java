package net.intercomj.host.net.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.intercomj.host.net.Bytes32;

/**
 * A growable byte buffer with the few encodings our protocols use: fixed-width big-endian
 * integers, LEB128 unsigned varints, 32-byte values, and uvarint-length-prefixed bytes and
 * UTF-8 strings. Not thread-safe; one writer per message.
 */
public final class WireWriter {

    /** A 63-bit value needs at most 9 varint bytes. */
    static final int MAX_VARINT_BYTES = 9;

    private byte[] buffer;
    private int size;

    public WireWriter() {
        this(64);
    }

    public WireWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public WireWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public WireWriter u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public WireWriter u32(long value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** LEB128 of a non-negative value. */
    public WireWriter uvarint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("uvarint of a negative value: " + value);
        }
        ensure(MAX_VARINT_BYTES);
        while ((value & ~0x7fL) != 0) {
            buffer[size++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
        return this;
    }

    public WireWriter bytes32(Bytes32 value) {
        ensure(Bytes32.LENGTH);
        value.copyTo(buffer, size);
        size += Bytes32.LENGTH;
        return this;
    }

    /** Raw bytes, no length. */
    public WireWriter fixed(byte[] value) {
        return fixed(value, 0, value.length);
    }

    public WireWriter fixed(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Raw bytes of a buffer's remaining content, no length; the buffer's position is not moved. */
    public WireWriter fixed(ByteBuffer value) {
        int length = value.remaining();
        ensure(length);
        value.duplicate().get(buffer, size, length);
        size += length;
        return this;
    }

    /** A uvarint length and the bytes. */
    public WireWriter bytes(byte[] value) {
        uvarint(value.length);
        return fixed(value);
    }

    /** A uvarint length and the buffer's remaining bytes. */
    public WireWriter bytes(ByteBuffer value) {
        uvarint(value.remaining());
        return fixed(value);
    }

    /** A uvarint length and the UTF-8 bytes. */
    public WireWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** Forgets what was written, keeping the buffer for reuse. */
    public WireWriter reset() {
        size = 0;
        return this;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** Number of bytes the uvarint encoding of {@code value} takes. */
    public static int uvarintSize(long value) {
        int bytes = 1;
        while ((value & ~0x7fL) != 0) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }

    private void ensure(int extra) {
        if (buffer.length - size < extra) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("Message too large: " + wanted + " bytes");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
