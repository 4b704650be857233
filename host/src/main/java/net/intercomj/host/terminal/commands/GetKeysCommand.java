package net.intercomj.host.terminal.commands;

import java.util.Set;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.CommandTrait;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.wallet.PeerWallet;

/**
 * {@code /get_keys}: the wallet's address and keys, secret key included, as in the original.
 * Marked as revealing secrets, so remote surfaces refuse it unless the operator allows it.
 */
public final class GetKeysCommand implements TerminalCommand {

    private final PeerWallet wallet;

    public GetKeysCommand(PeerWallet wallet) {
        this.wallet = wallet;
    }

    @Override
    public String name() {
        return "/get_keys";
    }

    @Override
    public String usage() {
        return "/get_keys";
    }

    @Override
    public String description() {
        return "Print the wallet's address, public key and secret key (keep the secret key private).";
    }

    @Override
    public Set<CommandTrait> traits() {
        return Set.of(CommandTrait.REVEALS_SECRETS);
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        out.println("Address:  " + wallet.address());
        out.println("Public Key:  " + wallet.publicKeyHex());
        out.println("Secret Key:  " + wallet.secretKeyHex());
    }
}
