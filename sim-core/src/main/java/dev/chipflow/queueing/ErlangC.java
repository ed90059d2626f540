package dev.chipflow.queueing;

/**
 * Exact steady-state values of the M/M/c queue (Erlang C). All rates per unit time.
 *
 * @param arrivalRate lambda, positive
 * @param serviceRate mu per server, positive
 * @param servers     c, at least 1, with lambda &lt; c mu (a stable queue)
 */
public record ErlangC(double arrivalRate, double serviceRate, int servers) {

    /**
     * Validates stability.
     *
     * @param arrivalRate lambda, positive
     * @param serviceRate mu per server, positive
     * @param servers c, at least 1, with lambda &lt; c mu (a stable queue)
     */
    public ErlangC {
        if (!(arrivalRate > 0) || !(serviceRate > 0) || servers < 1) {
            throw new IllegalArgumentException("M/M/c needs lambda > 0, mu > 0, c >= 1; was lambda=" + arrivalRate
                    + ", mu=" + serviceRate + ", c=" + servers);
        }
        if (arrivalRate >= servers * serviceRate) {
            throw new IllegalArgumentException("M/M/c is unstable: lambda=" + arrivalRate + " >= c*mu="
                    + servers * serviceRate);
        }
    }

    /** @return utilisation rho = lambda / (c mu) */
    public double utilisation() {
        return arrivalRate / (servers * serviceRate);
    }

    /** @return the probability that an arrival waits, C(c, a) */
    public double probabilityOfWaiting() {
        double a = arrivalRate / serviceRate;
        double rho = utilisation();
        // Terms a^k/k! built by recurrence: no factorial overflow for large c.
        double term = 1.0;
        double sum = 0.0;
        for (int k = 0; k < servers; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term / (1 - rho);
        return last / (sum + last);
    }

    /** @return the mean waiting time in queue, W_q */
    public double meanWait() {
        return probabilityOfWaiting() / (servers * serviceRate - arrivalRate);
    }

    /** @return the mean number waiting in queue, L_q = lambda W_q */
    public double meanQueueLength() {
        return arrivalRate * meanWait();
    }
}
