package dev.zmqffm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public certificates in a directory, read again when any file in it changes: the CURVE allow
 * list of pyzmq's {@code load_certificates} and CZMQ's {@code zcertstore}. Every regular file is
 * read except hidden ones (temporary files) and {@code *_secret} files; a file that does not parse
 * — a certificate being written, or anything else — grants nothing until it parses, and the others
 * are unaffected. A missing or unreadable directory grants nothing. Only the handler thread uses it.
 */
final class CertificateDirectory {
    /** Directory listings are made at most this often; changes are seen within this time. */
    static final long RESCAN_NANOS = 100_000_000L;

    private final Path dir;
    private Map<String, Object> stamps = Map.of();
    private Map<CurveKey, Certificate> certificates = Map.of();
    private long lastScan;
    private boolean scanned;

    CertificateDirectory(Path dir) {
        this.dir = dir;
    }

    /** The certificate with {@code key}, if one is in the directory now. */
    synchronized Certificate find(CurveKey key, long now) {
        if (!scanned || now - lastScan >= RESCAN_NANOS) {
            scan();
            lastScan = now;
            scanned = true;
        }
        return certificates.get(key);
    }

    private void scan() {
        Map<String, Object> now = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || name.endsWith("_secret")) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    now.put(name, List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey())));
                }
            }
        } catch (IOException e) {
            stamps = Map.of();
            certificates = Map.of();
            return;
        }
        if (now.equals(stamps)) {
            return;
        }
        Map<CurveKey, Certificate> loaded = new HashMap<>();
        for (String name : now.keySet()) {
            try {
                Certificate c = Certificate.load(dir.resolve(name));
                loaded.put(c.publicKey(), c.publicPart());
            } catch (IOException | RuntimeException e) {
                // Not (yet) a certificate: it grants nothing; the next change is read again.
            }
        }
        stamps = now;
        certificates = Map.copyOf(loaded);
    }

    /** The keys in the directory at the last scan (for tests and diagnostics). */
    synchronized Set<CurveKey> keys() {
        return certificates.keySet();
    }
}
