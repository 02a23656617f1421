package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.Handshake;
import dev.zmqffm.testing.WithContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticatorTest extends WithContext {

    @Test
    void smoke() {
        CurveKey.KeyPair server = CurveKey.generateKeyPair();
        CurveKey.KeyPair good = CurveKey.generateKeyPair();
        CurveKey.KeyPair bad = CurveKey.generateKeyPair();
        try (Authenticator auth = Authenticator.builder(ctx)
                .policy("d", DomainPolicy.builder().curveKeys(List.of(good.publicKey())).build())
                .policy("p", DomainPolicy.builder().plain(PasswordStore.of(Map.of("u", "pw"))).build()).start()) {
            Handshake.Result ok = Handshake.attempt(ctx, auth, s -> SocketSecurity.curveServer(auth, "d", server).applyTo(s),
                    c -> SocketSecurity.curveClient(server.publicKey(), good).applyTo(c), "tcp://127.0.0.1:*", "hi");
            System.out.println(ok);
            Handshake.Result no = Handshake.attempt(ctx, auth, s -> SocketSecurity.curveServer(auth, "d", server).applyTo(s),
                    c -> SocketSecurity.curveClient(server.publicKey(), bad).applyTo(c), "tcp://127.0.0.1:*", "hi");
            System.out.println(no);
            Handshake.Result p1 = Handshake.attempt(ctx, auth, s -> SocketSecurity.plainServer(auth, "p").applyTo(s),
                    c -> SocketSecurity.plainClient("u", "pw".toCharArray()).applyTo(c), "tcp://127.0.0.1:*", "hi");
            System.out.println(p1);
            Handshake.Result p2 = Handshake.attempt(ctx, auth, s -> SocketSecurity.plainServer(auth, "p").applyTo(s),
                    c -> SocketSecurity.plainClient("u", "nope".toCharArray()).applyTo(c), "tcp://127.0.0.1:*", "hi");
            System.out.println(p2);
            assertTrue(ok.succeeded());
        }
    }
}
