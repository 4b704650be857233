package net.intercomj.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/** A store closed while other threads still read it refuses them with an error instead of crashing the JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RocksStoreTest {

    @TempDir
    Path folder;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyAccessAfterCloseIsRefusedNamingTheStore() throws Exception {
        RocksStore rocks = RocksStore.open(folder, "the test store", "data");
        ColumnFamilyHandle data = rocks.family("data");
        rocks.write(write -> write.put(data, bytes("k"), bytes("v")));
        assertThat(rocks.get(data, bytes("k"))).isEqualTo(bytes("v"));
        rocks.close();
        rocks.close();

        assertThatThrownBy(() -> rocks.get(data, bytes("k"))).isInstanceOf(RocksDBException.class)
                .hasMessage("the test store is closed");
        assertThatThrownBy(() -> rocks.iterate(data, iterator -> null)).isInstanceOf(RocksDBException.class)
                .hasMessage("the test store is closed");
        assertThatThrownBy(() -> rocks.forEach(data, (key, value) -> { })).isInstanceOf(RocksDBException.class);
        assertThatThrownBy(() -> rocks.write(write -> write.put(data, bytes("k2"), bytes("v2"))))
                .isInstanceOf(RocksDBException.class).hasMessage("the test store is closed");
        assertThatThrownBy(() -> rocks.writeDurably(write -> write.put(data, bytes("k2"), bytes("v2"))))
                .isInstanceOf(RocksDBException.class).hasMessage("the test store is closed");
    }

    @Test
    void readersRacingACloseEitherReadOrAreRefused() throws Exception {
        RocksStore rocks = RocksStore.open(folder, "the raced store", "data");
        ColumnFamilyHandle data = rocks.family("data");
        rocks.write(write -> {
            for (int i = 0; i < 100; i++) {
                write.put(data, bytes("k" + i), bytes("v" + i));
            }
        });
        CountDownLatch reading = new CountDownLatch(4);
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            readers.add(Thread.ofPlatform().start(() -> {
                reading.countDown();
                try {
                    while (true) {
                        int size = rocks.get(data, bytes("k1")).length;
                        rocks.write(write -> write.put(data, bytes("w"), bytes("x" + size)));
                        assertThat(rocks.get(data, bytes("k7"))).isEqualTo(bytes("v7"));
                        int count = rocks.iterate(data, iterator -> {
                            int n = 0;
                            for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                                n++;
                            }
                            return n;
                        });
                        assertThat(count).isEqualTo(101);
                    }
                } catch (RocksDBException e) {
                    if (!"the raced store is closed".equals(e.getMessage())) {
                        unexpected.add(e);
                    }
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            }));
        }
        reading.await();
        rocks.close();
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(unexpected).isEmpty();
    }
}
