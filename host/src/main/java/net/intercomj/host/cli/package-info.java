/**
 * The command-line flag layer: the flags of the original JavaScript peer (same names,
 * aliases, env fallbacks and defaults) plus a few of ours, turned into one typed
 * {@link net.intercomj.host.cli.PeerOptions} value.
 *
 * <p>{@link net.intercomj.host.cli.Flags} is the single declarative table;
 * {@link net.intercomj.host.cli.FlagParser} builds picocli's model from it, parses and
 * resolves, and answers with a {@link net.intercomj.host.cli.ParseOutcome}.
 */
package net.intercomj.host.cli;
