package net.intercomj.host.terminal.commands.msb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HexFormat;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.subnet.op.CanonicalJson;

/**
 * {@code /msb}: the MSB as this peer sees it, the fields of the original's dev protocol (spec
 * §4.9 item 8) plus the validator count and this node's role.
 */
public final class MsbCommand implements TerminalCommand {

    private final MsbSource msb;
    private final String ownAddress;

    public MsbCommand(MsbSource msb, String ownAddress) {
        this.msb = msb;
        this.ownAddress = ownAddress;
    }

    @Override
    public String name() {
        return "/msb";
    }

    @Override
    public String usage() {
        return "/msb";
    }

    @Override
    public String description() {
        return "Show the MSB network, its lengths, the fee and this wallet's balance.";
    }

    @Override
    public String section() {
        return "Settlement Commands";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        MsbNode node = Settle.node(msb);
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("networkId", node.network().networkId());
        status.put("msbBootstrap", node.network().bootstrap().toHex());
        status.put("msbChannel", node.network().channel());
        status.put("txv", HexFormat.of().formatHex(node.unconfirmed().txv()));
        status.put("msbSignedLength", node.confirmed().length());
        status.put("msbUnsignedLength", node.unconfirmed().length());
        status.put("connectedPeers", node.engine().stats().peers());
        status.put("validators", node.confirmed().validators().size());
        status.put("isValidator", node.isValidator());
        status.put("peerMsbAddress", ownAddress);
        status.put("peerMsbBalance", Amounts.format(node.confirmed().balance(ownAddress).orElse(BigInteger.ZERO)));
        status.put("msbFee", Amounts.format(Amounts.FEE));
        String json = CanonicalJson.write(status);
        out.printValue(json, json);
    }
}
