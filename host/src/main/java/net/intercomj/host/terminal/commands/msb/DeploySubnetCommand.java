package net.intercomj.host.terminal.commands.msb;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.Payer;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.subnet.SubnetNode;

/**
 * {@code /deploy_subnet}: registers this peer's subnet on the MSB (spec §4.6), paying the fee.
 * Unlike the original it runs the MSB's checks first, shows the validator's reason when it
 * refuses, and waits for confirmation, which transactions need (spec §9 item 17).
 */
public final class DeploySubnetCommand implements TerminalCommand {

    private final MsbSource msb;
    private final Payer payer;
    private final SubnetNode subnet;
    private final String channel;

    public DeploySubnetCommand(MsbSource msb, Payer payer, SubnetNode subnet, String channel) {
        this.msb = msb;
        this.payer = payer;
        this.subnet = subnet;
        this.channel = channel;
    }

    @Override
    public String name() {
        return "/deploy_subnet";
    }

    @Override
    public String usage() {
        return "/deploy_subnet";
    }

    @Override
    public String description() {
        return "Register this subnet on the MSB (pays the fee); its transactions settle only once it is deployed.";
    }

    @Override
    public String section() {
        return "Settlement Commands";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        MsbNode node = Settle.node(msb);
        if (node.unconfirmed().deployment(subnet.subnet().toHex()).isPresent()) {
            throw new CommandException("Subnet " + subnet.subnet().toHex() + " is already deployed on this MSB.");
        }
        Deployment deployment = payer.deployment(node, subnet.subnet(), channel);
        Settle.preflight(node, deployment);
        Settle.submit(node, deployment);
        out.println("Subnet bootstrap: " + subnet.subnet().toHex());
        out.println("Subnet channel (hex): " + deployment.ic());
        out.println("Subnet deployment tx: " + deployment.tx());
        Settle.confirm(node, deployment);
        out.println("Subnet deployment confirmed.");
    }
}
