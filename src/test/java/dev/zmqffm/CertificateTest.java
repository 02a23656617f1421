package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CertificateTest {
    @TempDir
    Path dir;

    @Test
    void savesPublicAndOwnerOnlySecretFilesAndLoadsThemBack() throws Exception {
        Certificate cert = Certificate.generate(Map.of("name", "alice", "role", "admin \"ops\""));
        Path pub = dir.resolve("alice.key");
        cert.save(pub);
        Path secret = dir.resolve("alice.key_secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(pub)));
        String publicText = Files.readString(pub);
        assertFalse(publicText.contains("secret-key"), publicText);
        assertTrue(publicText.contains("public-key = \"" + cert.publicKey().toZ85() + "\""), publicText);
        Certificate p = Certificate.load(pub);
        assertEquals(cert.publicKey(), p.publicKey());
        assertTrue(p.secretKey().isEmpty());
        assertEquals(cert.metadata(), p.metadata());
        Certificate s = Certificate.load(secret);
        assertEquals(cert, s);
        assertEquals(cert.publicPart(), p);
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertEquals(2, leftovers.count(), "no temporary files left behind");
        }
    }

    @Test
    void secretReadableByOthersIsRefused() throws Exception {
        Certificate cert = Certificate.generate();
        Path secret = dir.resolve("c.key_secret");
        cert.saveSecret(secret);
        for (String perms : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-"}) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString(perms));
            InsecureConfigurationException e = assertThrows(InsecureConfigurationException.class,
                    () -> Certificate.load(secret), perms);
            assertEquals(SecurityRule.SECRET_FILE_READABLE, e.rule());
        }
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--------"));
        assertEquals(cert.publicKey(), Certificate.load(secret).publicKey());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        Certificate cert = Certificate.generate();
        String secret = new String(cert.secretKey().orElseThrow().toZ85());
        assertFalse(cert.toString().contains(secret));
        assertTrue(cert.toString().contains("secretKey=redacted"));
    }

    @Test
    void readsCzmqStyleFilesWithCommentsAndQuotes() throws Exception {
        Path f = dir.resolve("czmq.txt");
        Files.writeString(f, """
                #   ZeroMQ CURVE Public Certificate
                metadata
                    name = "bob"   # a comment
                    email = bob@example.com
                curve
                    public-key = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID"
                """);
        Certificate c = Certificate.load(f);
        assertEquals("Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID", c.publicKey().toZ85());
        assertEquals(Map.of("name", "bob", "email", "bob@example.com"), c.metadata());
    }

    @Test
    void halfWrittenOrForeignFilesAreRejectedWithoutEchoingThem() throws Exception {
        Path f = dir.resolve("half.key_secret");
        Files.writeString(f, "curve\n    public-key = \"Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID\"\n"
                + "    secret-key = \"D:)Q[IlAW!ahhC2ac:9*A}h:p?");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Certificate.load(f));
        assertFalse(e.getMessage().contains("D:)Q"), e.getMessage());
        Files.writeString(f, "metadata\n");
        assertThrows(IllegalArgumentException.class, () -> Certificate.load(f));
        Files.writeString(f, "curve\n    public-key = \"Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*\"\n");
        assertThrows(IllegalArgumentException.class, () -> Certificate.load(f));
    }

    @Test
    void mismatchedPairIsRefused() throws Exception {
        Path f = dir.resolve("mixed.key_secret");
        Files.writeString(f, "curve\n    public-key = \"Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID\"\n"
                + "    secret-key = \"JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6\"\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals(SecurityRule.KEY_PAIR_MISMATCH,
                assertThrows(InsecureConfigurationException.class, () -> Certificate.load(f)).rule());
    }

    @Test
    void jeromqZCertReadsOursAndWeReadItsFiles() throws Exception {
        org.zeromq.ZCert theirs = new org.zeromq.ZCert();
        theirs.setMeta("name", "jeromq");
        Path pub = dir.resolve("jero.key");
        Path secret = dir.resolve("jero.key_secret");
        theirs.savePublic(pub.toString());
        theirs.saveSecret(secret.toString());
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Certificate loaded = Certificate.load(secret);
        assertEquals(theirs.getPublicKeyAsZ85(), loaded.publicKey().toZ85());
        assertEquals(theirs.getSecretKeyAsZ85(), new String(loaded.secretKey().orElseThrow().toZ85()));
        assertEquals("jeromq", Certificate.load(pub).metadata().get("name"));

        Certificate ours = Certificate.generate(Map.of("name", "zmq-ffm"));
        ours.save(dir.resolve("ours.key"));
        org.zeromq.ZConfig config = org.zeromq.ZConfig.load(dir.resolve("ours.key_secret").toString());
        assertEquals(ours.publicKey().toZ85(), config.getValue("curve/public-key"));
        assertEquals(new String(ours.secretKey().orElseThrow().toZ85()), config.getValue("curve/secret-key"));
        assertEquals("zmq-ffm", config.getValue("metadata/name"));
    }

    @Test
    void metadataThatCannotRoundTripIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Certificate.generate(Map.of("bad name", "x")));
        assertThrows(IllegalArgumentException.class, () -> Certificate.generate(Map.of("n", "two\nlines")));
        assertThrows(IllegalArgumentException.class, () -> Certificate.generate(Map.of("n", "\"'")));
    }
}
