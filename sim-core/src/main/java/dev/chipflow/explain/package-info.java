/**
 * Which rule holds the units back, answered by counterfactuals rather than by waiting times: the rules of the supply
 * model ({@link dev.chipflow.explain.Rule}) each with a lifted form, the scenario run with every subset of them lifted
 * under common random numbers ({@link dev.chipflow.explain.Explain}), and each rule's Shapley value
 * ({@link dev.chipflow.explain.Shapley}) in units delivered by each analysis date.
 */
package dev.chipflow.explain;
