package dev.chipflow.experiment;


/** A result that exposes named scalar outputs, in a fixed order, for summaries across replications. */
public interface Scalars {
    /** @return output name to value, always the same names in the same order for one model */
    java.util.Map<String, Double> scalars();
}
