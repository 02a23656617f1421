package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JPMS module: only the API is exported, and it works as a named module. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModuleTest {
    private static final Path CLASSES = Path.of(System.getProperty("zmqffm.buildDir", "target"), "classes");

    @Test
    void exportsOnlyTheApiPackage() {
        ModuleDescriptor d = ModuleFinder.of(CLASSES).find("dev.zmqffm").orElseThrow().descriptor();
        assertEquals(1, d.exports().size(), d.exports().toString());
        ModuleDescriptor.Exports e = d.exports().iterator().next();
        assertEquals("dev.zmqffm", e.source());
        assertFalse(e.isQualified());
        assertTrue(d.packages().containsAll(Set.of("dev.zmqffm", "dev.zmqffm.internal", "dev.zmqffm.internal.raw")));
        assertTrue(d.opens().isEmpty());
    }

    @Test
    void runsAsANamedModuleAndHidesTheInternals() {
        ForkedJvm.Result r = ForkedJvm.exec(List.of(ForkedJvm.javaLauncher().toString(),
                "--module-path", CLASSES.toString(), "--add-modules", "dev.zmqffm",
                "--enable-native-access=dev.zmqffm",
                "-cp", Path.of(System.getProperty("zmqffm.buildDir", "target"), "test-classes").toString(),
                "dev.zmqffm.testing.NamedModuleMain"), 60);
        assertEquals(0, r.exitCode(), r.evidence());
        assertTrue(r.stdout().contains("module dev.zmqffm"), r.evidence());
        assertTrue(r.stdout().contains("version 4.3"), r.evidence());
        assertTrue(r.stdout().contains("internal: IllegalAccessException"), r.evidence());
        assertFalse(r.stderr().contains("WARNING: A restricted method"), "native access was granted to the module\n"
                + r.evidence());
    }
}
