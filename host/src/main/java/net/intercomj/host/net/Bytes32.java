package net.intercomj.host.net;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable 32-byte value: a public key, a topic or a DHT node id. Compares as an
 * unsigned big-endian number, which is what the connection tie-break and Kademlia's XOR
 * distance need.
 */
public final class Bytes32 implements Comparable<Bytes32> {

    /** Length in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Bytes32(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}, which must be 32 bytes long. */
    public static Bytes32 of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("Expected 32 bytes, got " + bytes.length);
        }
        return new Bytes32(bytes.clone());
    }

    /** Bytes {@code offset..offset+32} of {@code bytes}. */
    public static Bytes32 of(byte[] bytes, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, bytes.length);
        return new Bytes32(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    /** 64 hex characters, either case. */
    public static Bytes32 fromHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("Expected 64 hex characters, got " + hex.length());
        }
        return new Bytes32(HEX.parseHex(hex));
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Byte {@code index} (0..31), unsigned. */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    /** Copies the bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** Bitwise XOR, Kademlia's distance. */
    public Bytes32 xor(Bytes32 other) {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (bytes[i] ^ other.bytes[i]);
        }
        return new Bytes32(out);
    }

    /** Number of leading zero bits (256 for the zero value). */
    public int leadingZeroBits() {
        for (int i = 0; i < LENGTH; i++) {
            if (bytes[i] != 0) {
                return i * 8 + Integer.numberOfLeadingZeros(bytes[i] & 0xff) - 24;
            }
        }
        return LENGTH * 8;
    }

    /** Lowercase hex. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public int compareTo(Bytes32 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes32 that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The first 8 hex characters, enough to tell keys apart in logs. */
    public String shortHex() {
        return toHex().substring(0, 8);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
