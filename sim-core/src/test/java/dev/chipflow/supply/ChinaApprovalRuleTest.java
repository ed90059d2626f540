package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.atEnd;
import static dev.chipflow.supply.ChinaSide.conditional;
import static dev.chipflow.supply.ChinaSide.d;
import static dev.chipflow.supply.ChinaSide.finalApproval;
import static dev.chipflow.supply.ChinaSide.firm;
import static dev.chipflow.supply.ChinaSide.moves;
import static dev.chipflow.supply.ChinaSide.order;
import static dev.chipflow.supply.ChinaSide.quiet;
import static dev.chipflow.supply.ChinaSide.run;
import static dev.chipflow.supply.ChinaSide.total;
import static dev.chipflow.supply.ChinaSide.units;
import static dev.chipflow.supply.ChinaSide.unitsByDay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Chinese approval rule ({@link ChinaApproval}): approvals per firm on dates with amounts, consumed by the firm's
 * waiting units in order, exact to the unit (a shipment straddling an approval's edge is split); several approvals
 * consumed in date order; an order after an approval approved at once as far as room is left; units beyond every
 * approval wait in china-approval. All approvals here are final and every later stage is instantaneous, so an approved
 * unit moves APPROVAL -> CONDITIONS (and on) at the approval's instant.
 */
class ChinaApprovalRuleTest {

    /**
     * 300,000 units ordered on 2026-01-24 (day 23); one final approval of 133,333 on 2026-01-28 (day 27). Whatever
     * the shipment size, exactly 133,333 units move on at day 27, in floor(133,333 / size) whole shipments and one
     * part split off the next shipment at the approval's edge:
     * <ul>
     * <li>8: 133,333 = 16,666 x 8 + 5: 16,667 moves, the last of 5 units;</li>
     * <li>1,000: 133 x 1,000 + 333: 134 moves, the last of 333;</li>
     * <li>8,000: 16 x 8,000 + 5,333: 17 moves, the last of 5,333.</li>
     * </ul>
     * 300,000 - 133,333 = 166,667 units stay in china-approval. (Rounded down to 8-unit modules it would be 133,328;
     * in whole 8,000-unit shipments 128,000 or 136,000.)
     */
    @ParameterizedTest(name = "shipment.units {0}")
    @CsvSource({"8, 16667, 5", "1000, 134, 333", "8000, 17, 5333"})
    void anApprovalPassesExactlyItsAmountSplittingTheShipmentAtItsEdge(int size, int count, long last) {
        Scenario s = quiet().shipmentUnits(size).firms(List.of(firm("A", List.of(order("2026-01-24", 300_000)),
                List.of(finalApproval("2026-01-28", 133_333))))).build();
        SupplyResult r = run(s);
        List<TraceEvent> approved = moves(s, r, "A", Stage.APPROVAL, Stage.CONDITIONS);
        assertEquals(count, approved.size(), "moves");
        assertEquals(Map.of(27.0, 133_333L), unitsByDay(approved), "133,333 units, all at day 27");
        assertEquals(last, approved.get(count - 1).units(), "the part split off at the approval's edge");
        long splitsAtApproval = r.trace().stream().filter(e -> e.kind() == TraceEvent.Kind.SPLIT
                && e.to() == Stage.APPROVAL).count();
        assertEquals(1, splitsAtApproval, "one shipment straddles the edge");
        assertEquals(133_333, r.firm("A").approved());
        assertEquals(166_667, atEnd(r, "A", Stage.APPROVAL));
    }

    /**
     * Approvals are consumed in date order whatever order they are listed in. A orders 20,000 on 2026-01-01 (day 0),
     * shipments of 8,000 (8,000, 8,000, 4,000). Approvals listed as 8,000 on 2026-03-01 (day 59), then 5,000 on
     * 2026-02-01 (day 31):
     * <ul>
     * <li>day 31: 5,000 split off the first shipment move on (3,000 of it stay);</li>
     * <li>day 59: the 3,000 left of the first shipment, then 5,000 split off the second: 8,000 in two moves;</li>
     * <li>left in china-approval: 3,000 of the second shipment and the 4,000 of the third: 7,000.</li>
     * </ul>
     */
    @Test
    void severalApprovalsAreConsumedInDateOrder() {
        Scenario s = quiet().shipmentUnits(8_000).firms(List.of(firm("A", List.of(order("2026-01-01", 20_000)),
                List.of(finalApproval("2026-03-01", 8_000), finalApproval("2026-02-01", 5_000))))).build();
        SupplyResult r = run(s);
        List<TraceEvent> approved = moves(s, r, "A", Stage.APPROVAL, Stage.CONDITIONS);
        assertEquals(List.of(5_000L, 3_000L, 5_000L), units(approved));
        assertEquals(Map.of(31.0, 5_000L, 59.0, 8_000L), unitsByDay(approved));
        assertEquals(13_000, r.firm("A").approved());
        assertEquals(7_000, atEnd(r, "A", Stage.APPROVAL));
    }

    /**
     * When an order comes after several approvals, the earliest approval is consumed first, even if it is listed
     * last and even if it is conditional. A orders 10,000 (one shipment) on 2026-04-01 (day 90); approvals listed as
     * final 12,000 on 2026-03-01 (day 59), then conditional 5,000 on 2026-02-01 (day 31); conditions never final.
     * At day 90 the 2026-02-01 approval takes the first 5,000 (split off; they wait for NDRC conditions for ever), the
     * 2026-03-01 approval the other 5,000, which pass on. So approved = 10,000, 5,000 held in ndrc-conditions and
     * converted = 5,000 (conversion share 1). Consuming in listed order would convert all 10,000.
     */
    @Test
    void theEarliestApprovalIsConsumedFirstWhateverTheListedOrder() {
        Scenario s = quiet().shipmentUnits(10_000).conditionsFinalize(false).firms(List.of(firm("A",
                List.of(order("2026-04-01", 10_000)),
                List.of(finalApproval("2026-03-01", 12_000), conditional("2026-02-01", 5_000))))).build();
        SupplyResult r = run(s);
        assertEquals(Map.of(90.0, 10_000L), unitsByDay(moves(s, r, "A", Stage.APPROVAL, Stage.CONDITIONS)));
        assertEquals(List.of(5_000L), units(moves(s, r, "A", Stage.CONDITIONS, Stage.CONVERSION)));
        FirmResult a = r.firm("A");
        assertEquals(10_000, a.approved());
        assertEquals(5_000, a.converted());
        assertEquals(5_000, atEnd(r, "A", Stage.CONDITIONS));
    }

    /**
     * An order placed after an approval is approved at once if room is left, and units beyond every approval wait in
     * china-approval; approvals belong to their firm. Horizon 2026-03-31 (the run is days [0, 90)), shipments of
     * 8,000. Firm A: final approval of 50,000 on 2026-01-10 (day 9); orders of 30,000 on 2026-01-05 (day 4) and
     * 30,000 on 2026-02-01 (day 31), each cut 8,000 + 8,000 + 8,000 + 6,000. Firm Q orders 100,000 on 2026-01-24 and
     * has no approval.
     * <ul>
     * <li>day 9: the first order's 30,000 (four moves) after 5 days in china-approval; 20,000 of room left;</li>
     * <li>day 31: the second order's 8,000 + 8,000 + 4,000 (split off the third shipment) at once; the room is used
     * up; 4,000 + 6,000 = 10,000 wait to the end (59 days).</li>
     * </ul>
     * A: approved 50,000, 10,000 in china-approval at the end. Attribution: the first 30,000 and the last 10,000
     * waited longest in china-approval (40,000); the 20,000 approved on arrival never waited (unheld). Q: approved 0,
     * all 100,000 in china-approval, attributed there.
     */
    @Test
    void anOrderAfterAnApprovalIsApprovedAtOnceAsFarAsRoomIsLeft() {
        Scenario s = quiet().shipmentUnits(8_000).horizonEnd(d("2026-03-31")).firms(List.of(
                firm("A", List.of(order("2026-01-05", 30_000), order("2026-02-01", 30_000)),
                        List.of(finalApproval("2026-01-10", 50_000))),
                firm("Q", List.of(order("2026-01-24", 100_000)), List.of()))).build();
        SupplyResult r = run(s);
        List<TraceEvent> approved = moves(s, r, "A", Stage.APPROVAL, Stage.CONDITIONS);
        assertEquals(List.of(8_000L, 8_000L, 8_000L, 6_000L, 8_000L, 8_000L, 4_000L), units(approved));
        assertEquals(Map.of(9.0, 30_000L, 31.0, 20_000L), unitsByDay(approved));
        FirmResult a = r.firm("A");
        assertEquals(60_000, a.ordered());
        assertEquals(50_000, a.approved());
        assertEquals(10_000, atEnd(r, "A", Stage.APPROVAL));
        assertEquals(40_000, a.attributedUnits()[Stage.APPROVAL.ordinal()]);
        assertEquals(20_000, a.unheldUnits());
        FirmResult q = r.firm("Q");
        assertEquals(0, q.approved());
        assertEquals(0, total(moves(s, r, "Q", Stage.APPROVAL, Stage.CONDITIONS)));
        assertEquals(100_000, atEnd(r, "Q", Stage.APPROVAL));
        assertEquals(100_000, q.attributedUnits()[Stage.APPROVAL.ordinal()]);
    }
}
