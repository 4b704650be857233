package net.intercomj.host.terminal.commands.subnet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;

/**
 * {@code /upgrade_contract}: Admin only. Pins another version of the subnet's contract app; every
 * peer switches at the same op, and a peer without that version waits there for it.
 */
public final class UpgradeContractCommand implements TerminalCommand {

    private static final String HASH = "^[0-9a-f]{64}$";

    private final SubnetCommands subnet;
    private final ContractApps apps;

    public UpgradeContractCommand(SubnetCommands subnet, ContractApps apps) {
        this.subnet = subnet;
        this.apps = apps;
    }

    @Override
    public String name() {
        return "/upgrade_contract";
    }

    @Override
    public String usage() {
        return "/upgrade_contract --hash <version hash> [--app <app id>]";
    }

    @Override
    public String section() {
        return "Setup Commands";
    }

    @Override
    public String description() {
        return "Admin only. Switch the subnet to this version of its contract app (default: the pinned app);"
                + " /contracts lists the versions loaded here.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        subnet.requireAdmin();
        String hash = args.value("hash").map(value -> value.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (!hash.matches(HASH)) {
            throw new CommandException("Invalid --hash. Provide a version hash of 64 hex characters (see /contracts).");
        }
        Optional<String> pinnedApp = ContractPin.in(subnet.subnet().unconfirmed()).map(ContractPin::app);
        String app = args.value("app").map(String::trim).filter(id -> !id.isEmpty()).or(() -> pinnedApp)
                .orElseThrow(() -> new CommandException("The subnet pins no contract app yet: pass --app <app id>."));
        List<String> loaded = apps.versions(app).stream().map(ContractApps.Installed::versionHash).toList();
        if (!loaded.contains(hash)) {
            // This peer would wait at the upgrade like any other peer without it.
            throw new CommandException("App " + app + " at version " + hash + " is not loaded on this peer (loaded: "
                    + (loaded.isEmpty() ? "none" : String.join(", ", loaded)) + "). Load it first.");
        }
        String key;
        try {
            key = UpgradeContractOp.key(app, hash);
        } catch (IllegalArgumentException e) {
            throw new CommandException("Invalid --app. An app id has 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        subnet.append(subnet.adminMsgOp(UpgradeContractOp.TYPE, key));
    }
}
