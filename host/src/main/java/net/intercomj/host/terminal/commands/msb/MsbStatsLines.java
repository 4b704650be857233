package net.intercomj.host.terminal.commands.msb;

import java.util.List;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNode;

/** The MSB's {@code /stats} lines, the same on a peer and on a standalone MSB node. */
public final class MsbStatsLines {

    private MsbStatsLines() {}

    public static List<String> of(MsbNode msb) {
        return List.of(
                "msb.bootstrap: " + msb.network().bootstrap().toHex(),
                "msb.signedLength: " + msb.confirmed().length(),
                "msb.unsignedLength: " + msb.unconfirmed().length(),
                "msb.validators: " + msb.confirmed().validators().size(),
                "msb.isValidator: " + msb.isValidator(),
                "msb.peers: " + msb.engine().stats().peers(),
                "msb.supply: " + Amounts.format(msb.confirmed().supply()),
                "msb.burned: " + Amounts.format(msb.confirmed().burned()));
    }
}
