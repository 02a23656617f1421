package dev.zmqffm.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the examples honest in both directions: a public type of {@code dev.zmqffm} shows code
 * only through a {@code {@snippet}} (never as {@code <pre>{@code ...}</pre>} text nothing
 * compiles), and every region in the snippet files is shown by some page, so no example is run
 * that nobody reads. Javadoc itself fails on a region that does not exist.
 */
@Timeout(30)
class SnippetCoverageTest {
    private static final Path ROOT = Path.of(System.getProperty("zmqffm.projectDir", "."));
    private static final Path API = ROOT.resolve("src/main/java/dev/zmqffm");
    private static final Path SNIPPETS = ROOT.resolve("src/test/java/dev/zmqffm/snippets");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|enum|record|@interface) ");
    private static final Pattern SNIPPET_TAG = Pattern.compile("\\{@snippet class=dev\\.zmqffm\\.snippets\\.(\\w+) region=([\\w-]+)}");
    private static final Pattern REGION = Pattern.compile("// @start region=\"([\\w-]+)\"");

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void publicTypesShowCodeOnlyAsSnippets() throws IOException {
        List<String> preText = new ArrayList<>();
        for (Path f : javaFiles(API)) {
            String src = Files.readString(f);
            boolean exported = PUBLIC_TYPE.matcher(src).find() || f.endsWith("package-info.java");
            if (exported && src.contains("<pre>{@code")) {
                preText.add(f.getFileName().toString());
            }
        }
        assertEquals(List.of(), preText, "public types with an uncompiled <pre>{@code} example");
    }

    @Test
    void everySnippetRegionIsShownAndEveryShownRegionExists() throws IOException {
        Set<String> shown = new TreeSet<>();
        for (Path f : javaFiles(API)) {
            Matcher m = SNIPPET_TAG.matcher(Files.readString(f));
            while (m.find()) {
                shown.add(m.group(1) + "#" + m.group(2));
            }
        }
        Set<String> defined = new TreeSet<>();
        for (Path f : javaFiles(SNIPPETS)) {
            String name = f.getFileName().toString().replace(".java", "");
            Matcher m = REGION.matcher(Files.readString(f));
            while (m.find()) {
                defined.add(name + "#" + m.group(1));
            }
        }
        assertEquals(defined, shown);
    }
}
