/**
 * Named, independent random streams derived from (master seed, stream name), and distributions bound to a stream.
 * Generators come from Commons RNG and distributions from Commons RNG sampling / Commons Statistics; nothing here
 * draws a random number by its own arithmetic.
 */
package dev.chipflow.random;
