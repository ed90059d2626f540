package dev.chipflow.spark;

import dev.chipflow.experiment.Paired;
import dev.chipflow.experiment.Replication;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.supply.ScenarioReplication;
import dev.chipflow.supply.SupplyModel;
import java.io.Serializable;

/**
 * A model as it travels to a Spark executor: a {@link Replication} is usually a lambda over objects that are not
 * Serializable, so the driver turns each model into one of these first. It is itself the replication the executor
 * runs.
 */
interface ShippedModel extends Replication<Object>, Serializable {

    /**
     * @param index the model's index, for the message
     * @param model a model given to the engine
     * @return how it travels: a scenario's knobs for the supply model, the model itself if it is Serializable
     * @throws IllegalArgumentException if it can travel neither way
     */
    static ShippedModel of(int index, Replication<?> model) {
        if (model instanceof ScenarioReplication s) {
            return new Supply(ScenarioSpec.of(s.scenario()));
        }
        if (model instanceof Paired<?> p) {
            return new Pair(of(index, p.a()), of(index, p.b()));
        }
        if (model instanceof Serializable) {
            return new Itself(model);
        }
        throw new IllegalArgumentException("model " + index + " (" + model.getClass().getName() + ") cannot be "
                + "shipped to Spark executors: make it with SupplyModel.replication(scenario), or make it "
                + "Serializable");
    }

    /** The supply model of a scenario, rebuilt from its knobs. */
    record Supply(ScenarioSpec spec) implements ShippedModel {
        private static final long serialVersionUID = 1L;

        @Override
        public Object run(RandomStreams streams) {
            return SupplyModel.run(spec.scenario(), streams);
        }
    }

    /** Two models run on copies of the same streams: {@link Paired} runs them. */
    record Pair(ShippedModel a, ShippedModel b) implements ShippedModel {
        private static final long serialVersionUID = 1L;

        @Override
        public Object run(RandomStreams streams) {
            return new Paired<>(a, b).run(streams);
        }
    }

    /** A model that is Serializable as it is (a test's, or one written for Spark). */
    record Itself(Replication<?> model) implements ShippedModel {
        private static final long serialVersionUID = 1L;

        @Override
        public Object run(RandomStreams streams) {
            return model.run(streams);
        }
    }
}
