package net.intercomj.host.terminal.commands.msb;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.intercomj.api.command.CommandException;
import net.intercomj.host.msb.CommandTransactions;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.state.SettlementRejected;

/** What the settlement commands share: finding the MSB, preflight, submitting and waiting with a deadline. */
final class Settle {

    /** How long a command waits for a validator's answer and for confirmation. */
    static final Duration DEADLINE = CommandTransactions.DEADLINE;

    private Settle() {}

    static MsbNode node(MsbSource source) throws CommandException {
        try {
            return source.node();
        } catch (SettlementRejected e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** Runs the MSB's checks on this replica, as the original's preflight: {@code Invalid MSB tx: <reason>}. */
    static void preflight(MsbNode node, SettlementOp op) throws CommandException {
        try {
            node.preflight(op);
        } catch (SettlementRejected e) {
            throw new CommandException("Invalid MSB tx: " + e.getMessage());
        }
    }

    /** Submits {@code op} and waits until a validator accepted it (the original ignored the answer, spec §9 item 13). */
    static void submit(MsbNode node, SettlementOp op) throws CommandException {
        await(node.submit(op), op, "a validator's answer");
    }

    /** Waits until {@code op} is confirmed on the MSB. */
    static void confirm(MsbNode node, SettlementOp op) throws CommandException {
        await(node.confirmation(op.tx()), op, "confirmation");
    }

    private static <T> T await(CompletableFuture<T> future, SettlementOp op, String waitingFor) throws CommandException {
        String subject = op.kind() + " " + op.tx();
        try {
            return future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CommandException("MSB refused the " + subject + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new CommandException("No " + waitingFor + " for the " + subject + " within " + DEADLINE.toSeconds()
                    + " s; is an MSB validator connected?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted while waiting for " + waitingFor + " of the " + subject);
        }
    }
}
