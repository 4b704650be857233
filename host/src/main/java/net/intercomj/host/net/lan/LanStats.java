package net.intercomj.host.net.lan;

/**
 * Counters of one {@link LanDiscovery}.
 *
 * @param interfaces interfaces the group was joined on; 0 means LAN discovery is off
 * @param received   datagrams received, well-formed or not
 * @param dropped    datagrams dropped as malformed or oversized
 * @param peers      unexpired announcements held
 * @param topics     topics those announcements are for
 */
public record LanStats(int interfaces, long received, long dropped, int peers, int topics) {}
