package net.intercomj.sidechannel;

import net.intercomj.sidechannel.envelope.Envelope;

/** What the receive pipeline decided about one inbound message. */
sealed interface Inbound {

    /** Refused, for the reason given (printed with {@code --sidechannel-debug}). */
    record Dropped(String reason) implements Inbound {}

    /** The sending peer is blocked by the rate limiter; {@code justNow} when this message started the block. */
    record Blocked(boolean justNow) implements Inbound {}

    /** An {@code auth} control that proved the sender's invite: it may now see the channel. */
    record Authorized() implements Inbound {}

    /** A {@code welcome} control, taken in; never handed to apps (fix §6.21). */
    record WelcomeTaken() implements Inbound {}

    /** A valid {@code open_channel} request, to handle and relay. */
    record OpenRequest(Envelope envelope) implements Inbound {}

    /** A message for apps, to deliver and relay. */
    record Message(Envelope envelope) implements Inbound {}
}
