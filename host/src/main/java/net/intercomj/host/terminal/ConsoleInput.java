package net.intercomj.host.terminal;

/** What reading the console produced. */
public sealed interface ConsoleInput {

    /** A line the operator (or a script) entered. */
    record Line(String text) implements ConsoleInput {
    }

    /** Standard input ended (a closed pipe, or Ctrl-D on a terminal). */
    record EndOfInput() implements ConsoleInput {
    }

    /** The operator pressed Ctrl-C at the prompt. */
    record Interrupted() implements ConsoleInput {
    }
}
