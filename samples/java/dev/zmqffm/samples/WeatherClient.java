package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * PUB/SUB: subscribes to one zipcode's weather updates, collects some and prints the average
 * temperature. Only matching updates cross the network: the publisher filters.
 *
 * <pre>
 * scripts/sample weather-client [endpoint] [zipcode] [updates]   # tcp://localhost:5556 10001 20
 * </pre>
 */
public final class WeatherClient {
    private WeatherClient() {}

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://localhost:5556";
        String zipcode = args.length > 1 ? args[1] : "10001";
        int updates = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (Context ctx = Context.create(); Socket subscriber = ctx.socket(SocketType.SUB)) {
            subscriber.connect(endpoint);
            subscriber.subscribe(zipcode + " ");
            long total = 0;
            for (int i = 0; i < updates; i++) {
                String[] fields = subscriber.receiveString().orElseThrow().split(" ");
                if (!fields[0].equals(zipcode)) {
                    throw new IllegalStateException("the filter let through " + fields[0]);
                }
                total += Integer.parseInt(fields[1]);
            }
            System.out.printf("average temperature for zipcode %s was %dF over %d updates%n",
                    zipcode, total / updates, updates);
        }
    }
}
