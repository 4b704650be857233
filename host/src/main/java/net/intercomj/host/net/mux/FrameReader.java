package net.intercomj.host.net.mux;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import net.intercomj.host.net.wire.WireException;

/** Reads length-prefixed frame bodies ({@code uvarint length | body}) from a stream. */
final class FrameReader {

    private final InputStream in;
    private final int maxFrameBytes;

    FrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next frame body, or null at a clean end of stream (between frames). The length is
     * checked before anything is allocated, so a claimed huge frame costs nothing.
     *
     * @throws WireException for a malformed or oversized length
     * @throws EOFException  when the stream ends inside a frame
     */
    byte[] next() throws IOException, WireException {
        long length = 0;
        for (int shift = 0, count = 0; ; shift += 7, count++) {
            int b = in.read();
            if (b < 0) {
                if (count == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a frame length");
            }
            if (count == 4) {
                throw new WireException("frame length: more than 4 varint bytes");
            }
            length |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && count > 0) {
                    throw new WireException("frame length: varint not in its shortest form");
                }
                break;
            }
        }
        if (length == 0 || length > maxFrameBytes) {
            throw new WireException("frame length: " + length + " is outside 1.." + maxFrameBytes);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("stream ended inside a frame (" + body.length + " of " + length + " bytes)");
        }
        return body;
    }
}
