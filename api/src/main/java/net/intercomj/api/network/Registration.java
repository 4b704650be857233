package net.intercomj.api.network;

/** Undoes a registration; calling it twice does nothing more. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
