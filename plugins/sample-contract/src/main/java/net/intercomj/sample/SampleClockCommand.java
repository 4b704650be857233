package net.intercomj.sample;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.subnet.Subnet;

/**
 * {@code /sample_clock}: the feature side of the sample app. The subnet's admin brings the time
 * of its clock into the contract as feature data, which the {@value SampleApp#CLOCK_FEATURE}
 * handler applies on every peer alike: the way a feature plugin feeds outside data (a clock, a
 * price) to a deterministic contract.
 */
final class SampleClockCommand implements TerminalCommand {

    private final Subnet subnet;

    SampleClockCommand(Subnet subnet) {
        this.subnet = subnet;
    }

    @Override
    public String name() {
        return "/sample_clock";
    }

    @Override
    public String usage() {
        return "/sample_clock";
    }

    @Override
    public String description() {
        return "Admin only. Append this peer's clock as the sample app's feature data.";
    }

    @Override
    public String section() {
        return "Sample Contract";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        if (!subnet.isAdmin()) {
            throw new CommandException("Only admin may perform this operation.");
        }
        long now = System.currentTimeMillis();
        try {
            subnet.appendFeature("clock", "now", Json.of(now));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        out.println("Clock feature appended: " + now);
    }
}
