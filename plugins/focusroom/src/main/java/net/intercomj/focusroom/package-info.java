/**
 * FocusRoom: timed focus sessions per sidechannel room, re-implemented from the JS fork
 * {@code Emperoar07/intercom} (spec {@code upstream-apps.md} Part 1), with its weaknesses fixed
 * (§1.11): signed events whose signer is the only identity, host-sequenced ordering instead of
 * wall clocks, history sync for late joiners, one expiry per session decided by the host,
 * bounded inputs, per-session streaks, and streaks and history kept on disk.
 *
 * <ul>
 *   <li>{@link net.intercomj.focusroom.FocusRoomPlugin}: wiring (services, scheduler, commands,
 *       bridge types, {@code hello} field).
 *   <li>{@link net.intercomj.focusroom.FocusRoom}: the local actions, remote events, sync and
 *       expiry.
 *   <li>{@code FocusEvent}, {@code SignedEvent}, {@code WireMessage}, {@code Signatures}: the
 *       closed message set on the room's sidechannel and its decoder.
 *   <li>{@code RoomState}, {@code FocusStore}: a room as this peer sees it; what survives a restart.
 * </ul>
 */
package net.intercomj.focusroom;
