package net.intercomj.host.net.mux;

/**
 * A snapshot of one mux's counters.
 *
 * @param bytesIn      frame bytes read (with their length prefixes)
 * @param bytesOut     frame bytes written
 * @param framesIn     frames read
 * @param framesOut    frames written
 * @param channels     channels open, opening or closing
 */
public record MuxStats(long bytesIn, long bytesOut, long framesIn, long framesOut, int channels) {}
