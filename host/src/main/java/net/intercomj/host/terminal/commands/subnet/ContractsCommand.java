package net.intercomj.host.terminal.commands.subnet;

import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.subnet.SubnetNode;

/** {@code /contracts}: the contract apps loaded on this peer and the one the subnet pins. */
public final class ContractsCommand implements TerminalCommand {

    private final SubnetNode subnet;
    private final ContractApps apps;

    public ContractsCommand(SubnetNode subnet, ContractApps apps) {
        this.subnet = subnet;
        this.apps = apps;
    }

    @Override
    public String name() {
        return "/contracts";
    }

    @Override
    public String usage() {
        return "/contracts";
    }

    @Override
    public String description() {
        return "List the contract apps loaded here (id and version hash) and the one the subnet pins.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        Optional<ContractPin> pin = ContractPin.in(subnet.confirmed());
        out.println("Subnet pins: " + pin.map(p -> p.app() + " " + p.hash()).orElse("no contract"));
        if (apps.all().isEmpty()) {
            out.println("No contract apps loaded.");
        }
        for (ContractApps.Installed app : apps.all()) {
            boolean pinned = pin.isPresent() && pin.get().app().equals(app.id()) && pin.get().hash().equals(app.versionHash());
            out.println(app.id() + " " + app.versionHash() + (pinned ? " (pinned)" : ""));
        }
        subnet.paused().ifPresent(reason -> out.println("Apply waits: " + reason));
    }
}
