package dev.chipflow.bench;

import java.util.Arrays;

/**
 * The baseline of the event-list benchmarks: a textbook binary min-heap of bare {@code double} times.
 *
 * <p>It keeps none of the event list's promises (no FIFO among equal times, no ids, no cancellation), so it costs what
 * the hardware asks for ordering doubles and nothing more. The chipflow event list is judged by how close it comes.
 */
final class ReferenceHeap {

    private double[] heap;
    private int size;

    ReferenceHeap(int capacity) {
        heap = new double[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    void push(double t) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        double[] h = heap;
        int k = size++;
        while (k > 0) {
            int p = (k - 1) >>> 1;
            double pt = h[p];
            if (pt <= t) {
                break;
            }
            h[k] = pt;
            k = p;
        }
        h[k] = t;
    }

    double pop() {
        double[] h = heap;
        double first = h[0];
        int n = --size;
        if (n > 0) {
            double t = h[n];
            int k = 0;
            int half = n >>> 1;
            while (k < half) {
                int c = 2 * k + 1;
                double ct = h[c];
                int r = c + 1;
                if (r < n && h[r] < ct) {
                    c = r;
                    ct = h[r];
                }
                if (t <= ct) {
                    break;
                }
                h[k] = ct;
                k = c;
            }
            h[k] = t;
        }
        return first;
    }
}
