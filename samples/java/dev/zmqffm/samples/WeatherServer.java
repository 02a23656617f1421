package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PUB/SUB: publishes weather updates {@code "<zipcode> <temperature> <humidity>"} for random
 * zipcodes as fast as it can; subscribers filter by zipcode prefix.
 *
 * <pre>
 * scripts/sample weather-server [endpoint]      # default tcp://*:5556, until Ctrl-C
 * </pre>
 */
public final class WeatherServer {
    private WeatherServer() {}

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://*:5556";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Context ctx = Context.create(); Socket publisher = ctx.socket(SocketType.PUB)) {
            Shutdown.onSignal(ctx);
            publisher.bind(endpoint);
            System.err.println("weather-server: publishing on " + endpoint);
            while (true) {
                // Zipcodes 10000-10009 so a filtered subscriber hears a tenth of the updates.
                int zipcode = 10000 + random.nextInt(10);
                int temperature = random.nextInt(-80, 135);
                int humidity = random.nextInt(10, 60);
                publisher.send(zipcode + " " + temperature + " " + humidity);
                if ((random.nextInt() & 0xff) == 0) {
                    Thread.sleep(1);                      // don't spin a core at 100% forever
                }
            }
        } catch (ContextTerminatedException stopping) {
            System.err.println("weather-server: stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
