package net.intercomj.intersplit;

import java.nio.file.Path;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import net.intercomj.testkit.TestWallet;

/** One InterSplit peer for tests: wallet, fake sidechannels, rooms file in {@code folder}, app. */
final class TestPeer {

    final TestWallet wallet = new TestWallet();
    final FakeSidechannels sidechannels;
    final MutableClock clock;
    final Path folder;
    final Rooms rooms;
    final ExpenseSplit app;

    TestPeer(FakeSidechannels.Hub hub, MutableClock clock, Path folder) {
        this(hub, clock, folder, new TestWallet());
    }

    private TestPeer(FakeSidechannels.Hub hub, MutableClock clock, Path folder, TestWallet unused) {
        this.sidechannels = new FakeSidechannels(hub, wallet.publicKeyHex());
        this.clock = clock;
        this.folder = folder;
        this.rooms = new Rooms(folder.resolve(Rooms.FILE_NAME), clock);
        this.rooms.load();
        this.app = new ExpenseSplit(rooms, sidechannels, wallet, TestWallet.VERIFIER, clock, 8192);
    }

    String key() {
        return wallet.publicKeyHex();
    }

    /** The same store read again, as after a restart. */
    Rooms reloaded() {
        Rooms again = new Rooms(folder.resolve(Rooms.FILE_NAME), clock);
        again.load();
        return again;
    }
}
