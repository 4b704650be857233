package net.intercomj.host.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version hash: the code's files, not their order, timestamps or the manifest. */
class AppVersionTest {

    @TempDir
    Path folder;

    private Path jar(String name, Map<String, String> files) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            long time = name.hashCode();
            for (Map.Entry<String, String> file : files.entrySet()) {
                JarEntry entry = new JarEntry(file.getKey());
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> files(String... namesAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put(namesAndContents[i], namesAndContents[i + 1]);
        }
        return files;
    }

    @Test
    void theSameFilesInAnyOrderWithAnyManifestAndTimesHashAlike() throws IOException {
        String a = AppVersion.ofCode(jar("a.jar", files("META-INF/MANIFEST.MF", "Build-Jdk: 21\n", "x/A.class", "a",
                "x/B.class", "b")));
        String b = AppVersion.ofCode(jar("b.jar", files("x/B.class", "b", "x/A.class", "a", "META-INF/MANIFEST.MF",
                "Build-Jdk: 25\n")));
        assertThat(a).matches("[0-9a-f]{64}").isEqualTo(b);
    }

    @Test
    void anyChangedRenamedAddedOrRemovedFileChangesTheHash() throws IOException {
        String base = AppVersion.ofCode(jar("base.jar", files("x/A.class", "a", "x/B.class", "b")));
        assertThat(AppVersion.ofCode(jar("changed.jar", files("x/A.class", "a", "x/B.class", "c")))).isNotEqualTo(base);
        assertThat(AppVersion.ofCode(jar("renamed.jar", files("x/A.class", "a", "x/C.class", "b")))).isNotEqualTo(base);
        assertThat(AppVersion.ofCode(jar("added.jar", files("x/A.class", "a", "x/B.class", "b", "r.txt", ""))))
                .isNotEqualTo(base);
        assertThat(AppVersion.ofCode(jar("removed.jar", files("x/A.class", "a")))).isNotEqualTo(base);
        // The framing keeps a file's name and content apart: moving bytes between them changes the hash.
        assertThat(AppVersion.ofCode(jar("f1.jar", files("ab", "c")))).isNotEqualTo(
                AppVersion.ofCode(jar("f2.jar", files("a", "bc"))));
    }

    @Test
    void aClassFolderHashesLikeTheJarOfTheSameFiles() throws IOException {
        Path classes = Files.createDirectories(folder.resolve("classes/x"));
        Files.writeString(classes.resolve("A.class"), "a");
        Files.writeString(classes.resolve("B.class"), "b");
        Files.createDirectories(folder.resolve("classes/META-INF"));
        Files.writeString(folder.resolve("classes/META-INF/MANIFEST.MF"), "anything");
        assertThat(AppVersion.ofCode(folder.resolve("classes")))
                .isEqualTo(AppVersion.ofCode(jar("same.jar", files("x/A.class", "a", "x/B.class", "b"))));
    }

    @Test
    void unreadableCodeIsNamed() {
        Path missing = folder.resolve("missing.jar");
        assertThatThrownBy(() -> AppVersion.ofCode(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }
}
