package dev.weft.samples.channels;

import dev.weft.core.TaskScope;
import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.sync.Channel;

/**
 * A pipeline of three stages joined by bounded channels, in the style of Go's pipelines and
 * Kotlin's {@code produce}: a producer reads {@value #ORDERS} orders, {@value #WORKERS} workers
 * price them (fan-out: they receive from the same channel), and the cashier adds up the prices
 * (fan-in: the workers send to the same channel). Each buffer holds {@value #BUFFER} elements,
 * so a fast stage waits for a slow one instead of piling up work.
 *
 * <pre>{@code
 * étape 1: commande 1 lue
 * étape 2: commande 1 chiffrée par worker-2: 12 €
 * étape 3: commande 1 encaissée, total 12 €
 * ...
 * total de 12 commandes: 390 €
 * }</pre>
 *
 * <p>Each stage is a {@link Channel#produce} in one {@link TaskScope}: a stage's channel closes
 * when its body returns, which ends the next stage's for-each, and fails if the body throws,
 * which the next stage sees as a {@code ChannelClosedException} with that cause. Nothing is left
 * running when the scope closes.
 */
public final class PipelineSample implements Cell {
    /** The cell's id. */
    public static final String ID = "channels.pipeline";
    /** How many orders go through. */
    public static final int ORDERS = 12;
    /** How many workers price orders at once. */
    public static final int WORKERS = 3;
    /** The capacity of each channel between stages. */
    public static final int BUFFER = 2;

    /** An order, priced or not yet. */
    record Order(int id, int price, String pricedBy) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Canaux: un pipeline de trois étapes (produce, fan-out, fan-in)";
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        try (TaskScope scope = context.scope("pipeline").open()) {
            // Stage 1: read the orders (here, made up), one every 0.1 s.
            Channel<Order> orders = Channel.produce(scope, BUFFER, out -> {
                for (int id = 1; id <= ORDERS; id++) {
                    context.sleepSeconds(0.1);
                    context.print("étape 1: commande " + id + " lue\n");
                    out.send(new Order(id, 0, ""));
                }
            });
            // Stage 2: WORKERS workers price them, each in 0.3 s; the channel closes when all are done.
            Channel<Order> priced = Channel.produce(scope, BUFFER, out -> {
                try (TaskScope workers = context.scope("workers").open()) {
                    for (int w = 1; w <= WORKERS; w++) {
                        String name = "worker-" + w;
                        workers.fork(name, () -> {
                            for (Order o : orders) {
                                context.sleepSeconds(0.3);
                                Order p = new Order(o.id(), price(o.id()), name);
                                context.print("étape 2: commande " + p.id() + " chiffrée par " + name
                                        + ": " + p.price() + " €\n");
                                out.send(p);
                            }
                            return null;
                        });
                    }
                    workers.join();
                }
            });
            // Stage 3: the cashier adds up, in the calling thread.
            int total = 0;
            int count = 0;
            for (Order p : priced) {
                total += p.price();
                count++;
                context.print("étape 3: commande " + p.id() + " encaissée, total " + total + " €\n");
            }
            scope.join();
            context.print("total de " + count + " commandes: " + total + " €\n");
        }
    }

    /** {@return the price of order {@code id}: 10 € plus 2 € per unit of its number} */
    static int price(int id) {
        return 10 + 2 * id;
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options
     */
    public static void main(String[] args) {
        Samples.runCell(new PipelineSample(), args);
    }
}
