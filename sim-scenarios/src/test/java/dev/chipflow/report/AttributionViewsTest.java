package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second view of attribution: units never released by China, and the binding stage among the stages after
 * China's side. In {@link FakeResults} a firm ordering o has o - o/2 units attributed to approval, o/2 - o/4 to
 * conversion and o/4 - o/40 (rounded down) to the cap; at the end o - o/2 sit at approval and o/2 - d at
 * conversion, d delivered. So, hand-derived: the binding stage is approval (o/2 is the largest share), units never
 * released by China are o - d on average, and after China the cap binds (it is the only stage after China with units).
 */
class AttributionViewsTest {

    @Test
    void neverReleasedByChinaAndTheBindingStageAfterIt() {
        Scenario s = NamedScenarios.ordersPlaced();
        List<SupplyResult> results = FakeResults.of(s, 4, 7);
        RunAnalysis a = new RunAnalysis(s, results);
        for (int i = 0; i < s.firms().size(); i++) {
            long ordered = s.firms().get(i).orderedUnits();
            double delivered = 0;
            for (SupplyResult r : results) {
                delivered += r.firms().get(i).delivered();
            }
            delivered /= results.size();
            String f = s.firms().get(i).name();
            assertEquals(ordered - delivered, a.heldInChina(i), 1e-9, f);
            assertEquals(Stage.APPROVAL, a.bindingStage(i), f);
            assertEquals(Stage.CAP, a.bindingStageAfterChina(i), f);
        }
    }
}
