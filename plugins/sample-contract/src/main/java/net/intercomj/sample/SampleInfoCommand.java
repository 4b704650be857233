package net.intercomj.sample;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/**
 * {@code /sample_info}: how to use the sample app, its operations and the keys it keeps.
 *
 * <p>The plugin API gives plugins no read access to the subnet's view yet, so the command
 * prints static information and points at {@code /get} for the stored values rather than
 * printing them itself. Stateless, so it may run on several threads at once.
 */
final class SampleInfoCommand implements TerminalCommand {

    private final String appId;

    /** @param appId the app's id, which is the plugin's id */
    SampleInfoCommand(String appId) {
        this.appId = appId;
    }

    @Override
    public String name() {
        return "/sample_info";
    }

    @Override
    public String usage() {
        return "/sample_info";
    }

    @Override
    public String description() {
        return "How to use the sample contract app: its operations and the keys it keeps.";
    }

    @Override
    public String section() {
        return "Sample Contract";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        out.println("Contract app " + appId + " (pin it when creating a subnet: --app " + appId + ")");
        out.println("Functions (sent with /tx, paid on the MSB):");
        out.println("  " + SampleApp.TALLY + ": /tx --command \"tally <1-" + SampleApp.MAX_TALLY_STEP
                + ">\" adds to your tally, " + SampleApp.tallyKey("<your key>"));
        out.println("  " + SampleApp.SET_PROFILE + ": /tx --command \"profile <name> <"
                + String.join("|", SampleApp.COLORS) + ">\" sets your profile, " + SampleApp.profileKey("<your key>"));
        out.println("Feature: " + SampleApp.CLOCK_FEATURE + " keeps the newest admin clock reading, "
                + SampleApp.CLOCK + " (the admin appends one with /sample_clock)");
        out.println("Chat: every posted message is kept at " + SampleApp.LAST_MESSAGE + " and counted at "
                + SampleApp.messageCountKey("<author key>") + "; a message repeating the last one is refused");
        out.println("Read a value: /get --key " + SampleApp.LAST_MESSAGE);
    }
}
