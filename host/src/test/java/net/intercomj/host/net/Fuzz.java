package net.intercomj.host.net;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A small seeded mutation fuzzer for decoder tests: each input is a valid encoding with one
 * to three random mutations (bit flips, byte overwrites, truncation, extension, insertion,
 * deletion, duplication), or plain random bytes. Seeds are fixed, so a failure reproduces;
 * the failing input is printed in hex.
 */
public final class Fuzz {

    private Fuzz() {}

    /** Something the decoder under test must accept or refuse cleanly. */
    @FunctionalInterface
    public interface Check {
        void accept(byte[] input) throws Exception;
    }

    /**
     * Runs {@code check} on {@code tries} inputs derived from the valid samples that
     * {@code samples} generates from a random source. {@code check} decides what is allowed;
     * any other exception fails the test with the input that caused it.
     */
    public static void run(long seed, int tries, Function<SplittableRandom, byte[]> samples, Check check) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            byte[] input = random.nextInt(10) == 0 ? randomBytes(random, random.nextInt(200))
                    : mutate(random, samples.apply(random));
            try {
                check.accept(input);
            } catch (Throwable e) {
                throw new AssertionError("Input " + i + " (seed " + seed + "): " + java.util.HexFormat.of().formatHex(input),
                        e);
            }
        }
    }

    /** One to three random mutations of {@code valid}. */
    public static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] out = valid.clone();
        int rounds = 1 + random.nextInt(3);
        for (int round = 0; round < rounds; round++) {
            out = switch (random.nextInt(7)) {
                case 0 -> flipBit(random, out);
                case 1 -> overwriteByte(random, out);
                case 2 -> out.length == 0 ? out : Arrays.copyOf(out, random.nextInt(out.length));
                case 3 -> append(out, randomBytes(random, 1 + random.nextInt(16)));
                case 4 -> insert(random, out);
                case 5 -> delete(random, out);
                default -> append(out, out);
            };
        }
        return out;
    }

    public static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] flipBit(SplittableRandom random, byte[] in) {
        if (in.length > 0) {
            int bit = random.nextInt(in.length * 8);
            in[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return in;
    }

    private static byte[] overwriteByte(SplittableRandom random, byte[] in) {
        if (in.length > 0) {
            // Extremes first: they hit length fields hardest.
            int[] interesting = {0x00, 0x7f, 0x80, 0xff};
            in[random.nextInt(in.length)] = (byte) (random.nextBoolean()
                    ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
        }
        return in;
    }

    private static byte[] insert(SplittableRandom random, byte[] in) {
        int at = random.nextInt(in.length + 1);
        byte[] extra = randomBytes(random, 1 + random.nextInt(8));
        byte[] out = new byte[in.length + extra.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(in, at, out, at + extra.length, in.length - at);
        return out;
    }

    private static byte[] delete(SplittableRandom random, byte[] in) {
        if (in.length == 0) {
            return in;
        }
        int at = random.nextInt(in.length);
        int count = 1 + random.nextInt(Math.min(8, in.length - at));
        byte[] out = new byte[in.length - count];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + count, out, at, in.length - at - count);
        return out;
    }

    private static byte[] append(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
