package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays a run's trace with nothing but the {@link Scenario} and the trace, and checks the invariants of docs/model.md against
 * it, independently of the model's counters: every quantity a check needs is rebuilt here from the scenario's knobs
 * and the trace's events. The model's reported results ({@link FirmResult}, {@link SystemResult}) are only compared
 * with the replay at the end. Checked:
 *
 * <ul>
 * <li>conservation: shipments are created only by orders (on the order's day, never more units than ordered), split
 * and moved only along the pipeline with the units they hold; at the end every order is cut whole, every unit is in
 * exactly one stage, the units per stage equal {@link FirmResult#unitsAtEnd()}, and attribution (recomputed: the
 * stage of each unit's longest wait) and wait days equal the model's;</li>
 * <li>the cap at every release out of {@link Stage#CAP}: China releases {@code <=} ratio x US end-user units, the US
 * stream rebuilt from the scenario ({@code cap.usUnitsPerWeek} every 7 days from the policy start + 7), cumulative or
 * over the rolling window {@code (t - R, t]};</li>
 * <li>order: the stages that serve first come first served (approval and conversion per firm, the domestic quota, the
 * licence limits per firm, the cap, the lab queue) let shipments go only from the head of their line; allocation
 * serves each firm's purchase orders in order, and across firms the earliest under FCFS, the lowest rank under
 * PRIORITY;</li>
 * <li>approvals (units approved by day t within the firm's approvals dated so far, exact to each approval's edge;
 * conditional units pass CONDITIONS only if conditions finalise, and not before the shortest NDRC delay), conversion
 * (share and clearance), licences (a move out of LICENCE only under a granted licence, granted after the application
 * and the shortest review, never with probability 0), the per-firm cap and the ceiling, the domestic quota (within
 * the output made by then), inventory (never negative; start + produced - allocated = the model's end), lab lots (no
 * more in test than lines, full unless the queue ran dry, shipments leave only when their own lot ends), customs (no
 * clearance inside a block), production (none before the start or in a halt, never above the rate times the
 * production days, nor far below it at the end), no firm receiving more than it ordered, was approved or licensed;</li>
 * <li>no unit held without cause: at the end of every instant (and, for the cap, whenever room comes back between
 * events) no stage holds units its rule would let go: approvals unused, room under the limits, affordable domestic
 * chips, inventory, a granted licence, room under the cap for the head of the line, a free lab line.</li>
 * </ul>
 *
 * <p>A scenario with a {@link Timeline} is replayed under the rules in force at each instant ({@link RulesInForce}:
 * the scenario without its timeline before the first change, then the rules of each day with a change, from the start
 * of that day), read off the knobs and never from the model's own handling of the timeline: the cap at a release
 * against the ratio in force then, over a US stream whose weekly volume is the one in force on each weekly day; the
 * per-firm cap and the ceiling when units pass them; lab lines and lot size when a lot starts (fewer lines let the
 * tests running finish); the domestic quota with each purchase order's ratio and the output of each day at that day's
 * rate; production at each day's rate; conditional approvals final only under rules that finalise them; conversion
 * within the highest {@code floor(share x final units)} reached so far; every delay's least value from the rules in
 * force when it was drawn. The "nothing held" checks also run at the start of each day with a change and no event.
 *
 * <p>A failed check throws an {@link AssertionError} whose message starts with the rule broken ({@code "cap: "},
 * {@code "conservation: "}, ...). {@link #checkBooks} is a second, separate check of the model's own books.
 */
final class TraceReplay {

    private TraceReplay() {
    }

    /** Absolute slack on times compared with a distribution's bounds (draws are exact; sums of days are not). */
    private static final double TIME_EPS = 1e-9;

    /**
     * What the replay saw: every field is computed from the scenario and the trace only, so a property can tell
     * whether a rule was actually exercised.
     */
    static final class Replayed {
        /** Per firm, units allocated (ALLOCATION -> LICENCE). */
        long[] allocated;
        /** Per firm and day, units allocated by the end of the day. */
        long[][] allocatedByDay;
        /** Per firm, units delivered. */
        long[] delivered;
        /** A shipment left the cap after waiting there a positive time. */
        boolean capHeldThenReleased;
        /**
         * A shipment was held at the cap (at the end of an instant, or between events when room could come back) that
         * the cap would have let go under a higher ratio in force earlier in the run: a lowered ratio bound.
         */
        boolean loweredCapRatioBinds;
        /** At some release out of the cap a rolling window had dropped a past China release. */
        boolean rollingWindowDropped;
        /** A shipment was split at the cap. */
        boolean splitAtCap;
        /** A lab lot failed. */
        int labFailures;
        /** A licence was granted later than its first review could have granted it: at least one refusal. */
        boolean licenceRefused;
        /** A delivered shipment's clearance was put off by a customs block. */
        boolean customsDelayed;
        /** A firm was let through the per-firm cap exactly to the cap and has units left in LICENCE_LIMIT. */
        boolean perFirmCapBound;
        /** All firms together were let through exactly to the ceiling and units are left in LICENCE_LIMIT. */
        boolean ceilingBound;
        /** Production days (from the start, inside the horizon) that a halt window took away. */
        int haltedProductionDays;
        /** PRODUCED events. */
        int producedEvents;
        /**
         * Days from the production start to the horizon on which the trace shows no production, with output of a unit a
         * day or more (so that every producing day leaves an event): the days a halt took away, as the run saw them.
         */
        int productionGapDays;
        /** A purchase order waited a positive time for domestic chips. */
        boolean quotaHeld;
        /** A shipment waited a positive time for a lab line. */
        boolean labQueued;
        /** Most lots in test at once. */
        int maxLotsAtOnce;
        /** Units stuck in CONDITIONS at the end under an approval whose conditions never become final. */
        boolean conditionsNeverFinalHeld;
        /** Licences granted. */
        int grants;
        /** At some instant two or more firms waited for supply with no inventory left. */
        boolean supplyContended;
    }

    static Replayed check(Scenario scenario, SupplyResult result) {
        return new Replay(scenario).run(result);
    }

    /** One shipment as the replay knows it. */
    private static final class Ship {
        final int id;
        final int firm;
        final int order;
        long units;
        Stage stage;
        double enteredAt;
        double longestWait;
        int longestStage = -1;
        /** Part of a conditional approval. */
        boolean conditional;
        /** The day of its approval, whose conditions it waits for. */
        double approvedOn;
        /** Its approval, if conditional: the index in its firm's approvals in consumption order; else -1. */
        int approval = -1;
        /** Lot it is tested in (head shipment), -1 if none. */
        int lot = -1;
        /** Order of arrival at ALLOCATION (a part split off keeps its shipment's place). */
        long ticket;
        double customsSince = Double.NaN;

        Ship(int id, int firm, int order, long units, Stage stage, double at) {
            this.id = id;
            this.firm = firm;
            this.order = order;
            this.units = units;
            this.stage = stage;
            this.enteredAt = at;
        }

        Ship split(int child, long part) {
            Ship c = new Ship(child, firm, order, part, stage, enteredAt);
            c.longestWait = longestWait;
            c.longestStage = longestStage;
            c.conditional = conditional;
            c.approvedOn = approvedOn;
            c.approval = approval;
            c.lot = lot;
            c.customsSince = customsSince;
            c.ticket = ticket;
            return c;
        }
    }

    /** A lab lot in test. */
    private static final class Lot {
        final double started;
        final long units;
        int members;
        double endedAt = Double.NaN;
        Stage to;

        Lot(double started, long units, int members) {
            this.started = started;
            this.units = units;
            this.members = members;
        }
    }

    private static final class Replay {
        private final Scenario sc;
        /** The rules in force at each instant: every knob that can change mid-run is read through it. */
        private final RulesInForce in;
        private final int firms;
        private final int stages = Stage.values().length;
        private final double horizon;
        private final Map<Stage, EnumSet<Stage>> edges = new HashMap<>();

        // Orders, numbered firm by firm in scenario order.
        private final int[] orderFirm;
        private final long[] orderUnits;
        private final double[] orderDay;
        private final long[] createdByOrder;

        // Approvals per firm, in the order China consumes them (date, then listing order), and their days.
        private final Approval[][] approvals;
        private final double[][] approvalDay;
        /** Per firm and approval: the latest instant its conditions can be final (infinite: never, or unbounded). */
        private final double[][] finalBy;
        /** Per firm and conditional approval: its units waiting in CONDITIONS. */
        private final long[][] conditionsWaiting;

        // Dates as days, once.
        private final double clearanceDay;
        private final double policyStart;
        private final double[][] halts;
        private final double[][] blocks;
        /** Per day, production days from the start up to and including it (halts excluded). */
        private final int[] productionDaysTo;

        // Conservation and attribution.
        private final Map<Integer, Ship> live = new HashMap<>();
        private final long[][] at;
        private final long[][] entered;
        private final double[][] unitDays;
        private final long[][] attributed;
        private final long[] unheld;
        private final long[] created;

        // Rules.
        private final long[] approvedMoved;
        private final long[] finalEntered;
        private final long[] converted;
        /**
         * Per firm, the most units it may have converted so far: the greatest {@code floor(share x final units)} at any
         * instant, under the share in force then (a lower share converts no more, and undoes nothing).
         */
        private final long[] convertible;
        /** The next segment of the rules whose start the replay has not reached yet. */
        private int nextSegment = 1;
        private long quotaMovedTotal;
        /** Domestic chips bought: each purchase order's units times the ratio in force when it passed. */
        private double domesticBought;
        /** Shipments waiting for domestic chips, in line order: firm, entry instant, units. */
        private final Deque<double[]> quotaLine = new ArrayDeque<>();
        private final long[] limitPassed;
        private long limitPassedTotal;
        private final long[] allocated;
        private final long[][] byDay;
        private final long[] licensed;
        private final long[] delivered;
        private final Map<Integer, Double> applied = new HashMap<>();
        private final Map<Integer, Double> granted = new HashMap<>();
        private long produced;
        private long inventory;
        private final boolean[] producedOn;

        // Cap: the US end-user stream rebuilt from the scenario, and China releases.
        private final double[] usTimes;
        private final RulesInForce.UsStream usStream;
        private int usUpTo;
        private int usFrom;
        private long chinaCumulative;
        private final Deque<double[]> chinaWindow = new ArrayDeque<>();
        /**
         * The stages that serve their shipments first come first served, and the rule named when one does not: per
         * firm, or one line for all firms. A part split off takes its shipment's place; a shipment leaves only from
         * the head of its line.
         */
        private final Map<Stage, String> fifo = Map.of(Stage.APPROVAL, "approval", Stage.CONVERSION, "conversion",
                Stage.DOMESTIC_QUOTA, "quota", Stage.LICENCE_LIMIT, "limit", Stage.CAP, "cap", Stage.LAB_QUEUE, "lab");
        private final EnumSet<Stage> perFirm = EnumSet.of(Stage.APPROVAL, Stage.CONVERSION, Stage.LICENCE_LIMIT);
        private final Map<Long, LinkedList<Ship>> lines = new HashMap<>();
        /** Shipments waiting at the cap, in the order they leave. */
        private final Deque<Ship> capLine = line(Stage.CAP, -1);
        /** Tickets of the shipments waiting at ALLOCATION, per firm. */
        private final List<TreeMap<Long, Integer>> allocationLine = new ArrayList<>();
        private long tickets;
        /** Per licence key, units waiting for it at LICENCE. */
        private final Map<Integer, Long> licenceWaiting = new HashMap<>();
        private long chinaInWindow;

        // Lab.
        private final List<Integer> pendingLot = new ArrayList<>();
        private double pendingAt = Double.NaN;
        private final Map<Integer, Lot> lots = new HashMap<>();
        private int busy;
        private int awaitingRelease;
        private double awaitingAt = Double.NaN;

        private final Replayed out = new Replayed();
        private double now;

        Replay(Scenario sc) {
            this.sc = sc;
            this.in = new RulesInForce(sc);
            this.firms = sc.firms().size();
            this.horizon = sc.horizonDays();
            edge(Stage.APPROVAL, Stage.CONDITIONS);
            edge(Stage.CONDITIONS, Stage.CONVERSION);
            edge(Stage.CONVERSION, Stage.DOMESTIC_QUOTA);
            edge(Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT);
            edge(Stage.LICENCE_LIMIT, Stage.ALLOCATION);
            edge(Stage.ALLOCATION, Stage.LICENCE);
            edge(Stage.LICENCE, Stage.CAP);
            if (sc.lab().required()) {
                edge(Stage.CAP, Stage.LAB_QUEUE);
                edge(Stage.LAB_QUEUE, Stage.LAB_TEST);
                edge(Stage.LAB_TEST, Stage.LAB_QUEUE);
                edge(Stage.LAB_TEST, Stage.TRANSIT);
            } else {
                edge(Stage.CAP, Stage.TRANSIT);
            }
            edge(Stage.TRANSIT, Stage.CUSTOMS);
            edge(Stage.CUSTOMS, Stage.DELIVERED);

            int n = sc.firms().stream().mapToInt(f -> f.orders().size()).sum();
            orderFirm = new int[n];
            orderUnits = new long[n];
            orderDay = new double[n];
            createdByOrder = new long[n];
            approvals = new Approval[firms][];
            approvalDay = new double[firms][];
            int o = 0;
            for (int f = 0; f < firms; f++) {
                for (Order order : sc.firms().get(f).orders()) {
                    orderFirm[o] = f;
                    orderUnits[o] = order.units();
                    orderDay[o] = Math.max(0, Calendar.day(order.date()));
                    o++;
                }
                approvals[f] = sc.firms().get(f).approvals().toArray(new Approval[0]);
                Arrays.sort(approvals[f], Comparator.comparing(Approval::date)); // stable: listing order on ties
                approvalDay[f] = Arrays.stream(approvals[f]).mapToDouble(a -> Calendar.day(a.date())).toArray();
            }
            finalBy = new double[firms][];
            conditionsWaiting = new long[firms][];
            for (int f = 0; f < firms; f++) {
                finalBy[f] = Arrays.stream(approvalDay[f]).map(this::finalBy).toArray();
                conditionsWaiting[f] = new long[approvals[f].length];
            }
            at = new long[firms][stages];
            entered = new long[firms][stages];
            unitDays = new double[firms][stages];
            attributed = new long[firms][Stage.WAITING_STAGES];
            unheld = new long[firms];
            created = new long[firms];
            approvedMoved = new long[firms];
            finalEntered = new long[firms];
            converted = new long[firms];
            convertible = new long[firms];
            limitPassed = new long[firms];
            allocated = new long[firms];
            byDay = new long[firms][(int) horizon];
            licensed = new long[firms];
            delivered = new long[firms];
            inventory = sc.supply().inventoryUnits();
            for (int f = 0; f < firms; f++) {
                allocationLine.add(new TreeMap<>());
            }

            // US end users: every 7 days from the policy start + 7, while before the horizon, cap.usUnitsPerWeek in
            // force that day.
            usStream = RulesInForce.UsStream.of(sc, in);
            usTimes = usStream.times();
            clearanceDay = Calendar.day(sc.china().clearance());
            policyStart = Calendar.day(sc.us().policyStart());
            halts = sc.supply().productionHalts().stream().map(w -> new double[] {w.startDay(), w.endDay()})
                    .toArray(double[][]::new);
            blocks = sc.border().customsBlocks().stream().map(w -> new double[] {w.startDay(), w.endDay()})
                    .toArray(double[][]::new);
            productionDaysTo = new int[(int) horizon];
            producedOn = new boolean[(int) horizon];
            // Production days count whatever the rate; the rate in force each day weighs them (productionBound).
            double start = sc.supply().productionStart() != null ? Calendar.day(sc.supply().productionStart()) : horizon;
            int running = 0;
            for (int d = 0; d < horizon; d++) {
                if (d >= start) {
                    if (halted(d)) {
                        if (in.at(d).supply().productionUnitsPerWeek() > 0) {
                            out.haltedProductionDays++;
                        }
                    } else {
                        running++;
                    }
                }
                productionDaysTo[d] = running;
            }
        }

        /**
         * The latest instant the conditions of an approval granted on day {@code g} can become final: its NDRC delay is
         * drawn at the grant if conditions finalise then, else when a change turns finalising on; it ends by the
         * grant plus the longest delay of the rules in force at that draw, but not before the draw; the conditions are
         * final then, or, if finalising is off by then, when a later change turns it on.
         */
        private double finalBy(double g) {
            if (g >= horizon) {
                return Double.POSITIVE_INFINITY;
            }
            double drawn = in.firstFrom(g, (Scenario x) -> x.china().conditionsFinalize());
            if (drawn == Double.POSITIVE_INFINITY) {
                return drawn;
            }
            double due = Math.max(drawn, g + in.at(drawn).china().ndrcConditionDays().max());
            return in.firstFrom(due, (Scenario x) -> x.china().conditionsFinalize());
        }

        private void edge(Stage from, Stage to) {
            edges.computeIfAbsent(from, k -> EnumSet.noneOf(Stage.class)).add(to);
        }

        Replayed run(SupplyResult result) {
            now = 0;
            for (TraceEvent e : result.trace()) {
                assertTrue(e.time() >= now, () -> "order: event at day " + e.time() + " after one at day " + now);
                assertTrue(e.time() < horizon, () -> "order: event at day " + e.time() + " at or after the horizon");
                if (e.time() > now) {
                    advance(e.time());
                }
                now = e.time();
                rulesChange(now);
                switch (e.kind()) {
                    case CREATED -> created(e);
                    case SPLIT -> split(e);
                    case MOVED -> moved(e);
                    case US_SHIPPED -> {
                        // Not used: the cap's base is rebuilt from the scenario.
                    }
                    case PRODUCED -> produced(e);
                    case LICENCE_GRANTED -> granted(e);
                    case LOT_STARTED -> lotStarted(e);
                    case LOT_ENDED -> lotEnded(e);
                    default -> throw new AssertionError("trace: unknown event " + e);
                }
                assertTrue(inventory >= 0,
                        () -> "inventory: negative (" + inventory + ") at day " + now + " after " + e);
                if (inventory == 0 && !out.supplyContended) {
                    int waiting = 0;
                    for (int f = 0; f < firms; f++) {
                        if (at[f][Stage.ALLOCATION.ordinal()] > 0) {
                            waiting++;
                        }
                    }
                    out.supplyContended = waiting >= 2;
                }
            }
            advance(horizon);
            finish(result);
            return out;
        }

        /**
         * Time moves on from {@code now} to {@code next}: everything that must happen within one instant has happened,
         * and no stage holds back units that its rule would let go (each stage is work-conserving).
         */
        private void advance(double next) {
            assertTrue(pendingLot.isEmpty(), () -> "lab: shipments moved into LAB_TEST at day " + pendingAt
                    + " without a lot starting");
            assertEquals(0, awaitingRelease, () -> "lab: a lot ended at day " + awaitingAt
                    + " but some of its shipments stayed in LAB_TEST");
            nothingHeldWithoutCause(now);
            // Room under the cap also comes back between events, when US shipments arrive or past China releases
            // leave a rolling window: at each such instant the head of the line must still not fit.
            if (!capLine.isEmpty()) {
                for (double t : usTimes) {
                    if (t > now && t < next) {
                        capHeadWaits(t);
                    }
                }
                int rolling = sc.us().capRollingDays();
                if (rolling > 0) {
                    for (double[] c : chinaWindow) {
                        double t = c[0] + rolling;
                        if (t > now && t < next) {
                            capHeadWaits(t);
                        }
                    }
                }
            }
            // A change of the rules between events is an instant with nothing traced: whatever the new rules would
            // let go at the start of that day must have gone then, so every stage must hold its units with cause.
            for (double t : in.changesBetween(now, next)) {
                nothingHeldWithoutCause(t);
            }
        }

        /** The rules that change by instant {@code t}, at the start of their day: the conversion share. */
        private void rulesChange(double t) {
            for (; nextSegment < in.segments() && in.start(nextSegment) <= t; nextSegment++) {
                for (int f = 0; f < firms; f++) {
                    convertible(f, in.rules(nextSegment));
                }
            }
        }

        private void convertible(int f, Scenario rules) {
            convertible[f] = Math.max(convertible[f],
                    (long) Math.floor(rules.china().conversionShare() * finalEntered[f] + 1e-6));
        }

        /**
         * At the end of the instant {@code t} (an instant with events, or a day the rules change on with none): units
         * wait in a stage only where the rule in force holds them.
         */
        private void nothingHeldWithoutCause(double t) {
            Scenario rules = in.at(t);
            long atQuota = 0;
            long atAllocation = 0;
            long atLab = 0;
            for (int f = 0; f < firms; f++) {
                for (int i = 0; i < approvals[f].length; i++) {
                    if (conditionsWaiting[f][i] > 0) {
                        int firm = f;
                        double by = finalBy[f][i];
                        assertTrue(t < by, () -> "approval: firm " + firm + "'s units wait in CONDITIONS at day " + t
                                + " for conditions that are final by day " + by + " at the latest");
                    }
                }
                if (at[f][Stage.APPROVAL.ordinal()] > 0) {
                    long dated = 0;
                    for (int i = 0; i < approvals[f].length; i++) {
                        if (approvalDay[f][i] <= t) {
                            dated += approvals[f][i].units();
                        }
                    }
                    int firm = f;
                    long d = dated;
                    assertEquals(dated, approvedMoved[f], () -> "approval: firm " + firm + " has units waiting for "
                            + "approval at day " + t + " with " + (d - approvedMoved[firm])
                            + " approved units unused");
                }
                if (at[f][Stage.LICENCE_LIMIT.ordinal()] > 0) {
                    int firm = f;
                    assertTrue(limitPassed[f] >= rules.us().perFirmCap()
                            || limitPassedTotal >= rules.us().totalCeiling(),
                            () -> "limit: firm " + firm + " has units held at LICENCE_LIMIT at day " + t
                                    + " below both the per-firm cap and the ceiling");
                }
                atQuota += at[f][Stage.DOMESTIC_QUOTA.ordinal()];
                atAllocation += at[f][Stage.ALLOCATION.ordinal()];
                atLab += at[f][Stage.LAB_QUEUE.ordinal()];
            }
            if (atQuota > 0) {
                double ratio = rules.china().domesticRatio();
                assertTrue(ratio > 0, () -> "quota: purchase orders wait for domestic chips at day " + t
                        + " with no quota");
                double available = domesticAvailable(t);
                double affordable = (available - domesticBought) / ratio;
                // Purchase orders pass whole: the head one (at most the head firm's units that came in at the same
                // instant, which may be several orders) must be more than the stock left buys.
                double[] head = quotaLine.peekFirst();
                long headUnits = 0;
                for (double[] e : quotaLine) {
                    if (e[0] != head[0] || e[1] != head[1]) {
                        break;
                    }
                    headUnits += (long) e[2];
                }
                long order = headUnits;
                assertTrue(affordable < order * (1 - 1e-9), () -> "quota: a purchase order of at most " + order
                        + " units waits at day " + t + " though the domestic stock left buys " + affordable
                        + " units");
            }
            if (atAllocation > 0) {
                assertEquals(0, inventory, () -> "allocation: purchase orders wait at day " + t + " with "
                        + inventory + " units in inventory");
            }
            for (Map.Entry<Integer, Double> a : applied.entrySet()) {
                if (!granted.containsKey(a.getKey())) {
                    licenceDecided(a.getKey(), a.getValue(), t);
                }
            }
            for (Map.Entry<Integer, Long> w : licenceWaiting.entrySet()) {
                if (w.getValue() > 0) {
                    assertTrue(!granted.containsKey(w.getKey()), () -> "licence: units wait at LICENCE at day " + t
                            + " though licence " + w.getKey() + " was granted");
                }
            }
            if (atLab > 0) {
                assertTrue(busy >= rules.lab().lines(), () -> "lab: shipments wait for a line at day " + t + " with "
                        + busy + " of " + rules.lab().lines() + " lines busy");
            }
            capHeadWaits(t);
        }

        /**
         * A licence filed on day {@code filed} and not granted by {@code t}: its first review, drawn when it was filed,
         * ended by the longest review of the rules in force then; if every decision it could have met was made under
         * approval probability 1, it was granted.
         */
        private void licenceDecided(int k, double filed, double t) {
            double reviewFrom = Math.max(filed, policyStart);
            var review = in.at(filed).us().reviewDays();
            double by = reviewFrom + review.max();
            if (t >= by && in.min(reviewFrom + review.min(), by, (Scenario x) -> x.us().approvalProbability()) == 1) {
                fail("licence: key " + k + " not granted by day " + t + " though its first review ended by day " + by
                        + " under approval probability 1");
            }
        }

        private LinkedList<Ship> line(Stage stage, int firm) {
            long k = (long) stage.ordinal() << 32 | (perFirm.contains(stage) ? firm : 0);
            return lines.computeIfAbsent(k, x -> new LinkedList<>());
        }

        private void joinLine(Ship s) {
            if (fifo.containsKey(s.stage)) {
                line(s.stage, s.firm).addLast(s);
            }
        }

        /** The part split off goes just ahead of its shipment (which keeps its place behind it). */
        private void splitInLine(Ship parent, Ship child) {
            if (fifo.containsKey(parent.stage)) {
                LinkedList<Ship> l = line(parent.stage, parent.firm);
                if (l.peekFirst() == parent) {
                    l.addFirst(child);
                } else {
                    ListIterator<Ship> i = l.listIterator();
                    while (i.hasNext() && i.next() != parent) {
                        // walk to the parent
                    }
                    i.previous();
                    i.add(child);
                }
            }
        }

        private void leaveLine(Ship s) {
            if (fifo.containsKey(s.stage)) {
                LinkedList<Ship> l = line(s.stage, s.firm);
                assertTrue(l.peekFirst() == s, () -> fifo.get(s.stage) + ": a shipment left " + s.stage + " at day "
                        + now + " ahead of one that came before it");
                l.pollFirst();
            }
        }

        /**
         * Domestic chips made by instant {@code t}: the initial stock, then one day's output at each day's start, at
         * the rate in force that day.
         */
        private double domesticAvailable(double t) {
            int lastDay = (int) Math.min(Math.floor(t), horizon - 1);
            return sc.china().domesticInitialStock() + in.perDaySum(lastDay, r -> r.china().domesticOutputPerYear() / 365.0,
                    d -> d + 1);
        }

        /** The shipment at the head of the cap's line, if any, does not fit (nor can be split to fit) at {@code t}. */
        private void capHeadWaits(double t) {
            if (capLine.isEmpty()) {
                return;
            }
            Ship head = capLine.peekFirst();
            Scenario rules = in.at(t);
            double ratio = rules.us().capRatio();
            assertTrue(ratio != Double.POSITIVE_INFINITY, () -> "cap: a shipment waits at the cap at day " + t
                    + " though there is no cap");
            int rolling = sc.us().capRollingDays();
            int upTo = 0;
            int from = 0;
            for (double u : usTimes) {
                if (u <= t) {
                    upTo++;
                    if (rolling > 0 && u + rolling <= t) {
                        from++;
                    }
                }
            }
            long china = chinaCumulative;
            if (rolling > 0) {
                china = 0;
                for (double[] c : chinaWindow) {
                    if (c[0] + rolling > t) {
                        china += (long) c[1];
                    }
                }
            }
            long us = usStream.units(from, upTo);
            double limit = ratio * us;
            double room = limit - china;
            double slack = 1e-6 + 1e-12 * limit;
            assertTrue(head.units > room - slack, () -> "cap: a shipment of " + head.units + " units waits at the cap "
                    + "at day " + t + " with room for " + room + (in.changes() ? " at ratio " + ratio : ""));
            // A ratio lowered from an earlier one binds: the head would have fitted under the earlier ratio.
            double earlier = in.max(0, t, (Scenario x) -> x.us().capRatio());
            if (earlier > ratio && head.units <= earlier * us - china + slack) {
                out.loweredCapRatioBinds = true;
            }
            assertTrue(!rules.us().capSplit() || room < 1 + slack, () -> "cap: a shipment waits whole at the cap at day " + t
                    + " with room for " + room + " units and splitting allowed");
        }

        private Ship ship(TraceEvent e) {
            Ship s = live.get(e.shipment());
            assertTrue(s != null, () -> "conservation: " + e.kind() + " of a shipment that does not exist: " + e);
            assertEquals(s.firm, e.firm(), () -> "conservation: shipment changed firm: " + e);
            return s;
        }

        private void created(TraceEvent e) {
            int o = e.other();
            assertTrue(o >= 0 && o < orderFirm.length, () -> "conservation: shipment created for no order: " + e);
            assertEquals(orderFirm[o], e.firm(), () -> "conservation: shipment created for another firm's order: " + e);
            assertTrue(e.units() > 0, () -> "conservation: empty shipment created: " + e);
            assertEquals(Stage.APPROVAL, e.to(), () -> "conservation: shipment created outside APPROVAL: " + e);
            assertEquals(orderDay[o], e.time(),
                    () -> "conservation: shipment created on another day than its order: " + e);
            createdByOrder[o] += e.units();
            assertTrue(createdByOrder[o] <= orderUnits[o], () -> "conservation: units created from nothing: order " + o
                    + " of " + orderUnits[o] + " units has " + createdByOrder[o] + " in shipments");
            Ship s = new Ship(e.shipment(), e.firm(), o, e.units(), Stage.APPROVAL, now);
            assertTrue(live.put(e.shipment(), s) == null, () -> "conservation: shipment " + e.shipment()
                    + " created while alive");
            joinLine(s);
            created[e.firm()] += e.units();
            at[e.firm()][Stage.APPROVAL.ordinal()] += e.units();
            entered[e.firm()][Stage.APPROVAL.ordinal()] += e.units();
        }

        private void split(TraceEvent e) {
            Ship s = ship(e);
            assertTrue(e.from() == s.stage && e.to() == s.stage,
                    () -> "conservation: split outside the shipment's stage: " + e);
            assertTrue(e.units() > 0 && e.units() < s.units,
                    () -> "conservation: split of " + e.units() + " units off a shipment of " + s.units + ": " + e);
            assertTrue(!live.containsKey(e.other()), () -> "conservation: split into a live shipment number: " + e);
            s.units -= e.units();
            Ship c = s.split(e.other(), e.units());
            live.put(e.other(), c);
            splitInLine(s, c);
            if (s.lot >= 0) {
                lots.get(s.lot).members++;
            }
            if (s.stage == Stage.ALLOCATION) {
                allocationLine.get(s.firm).merge(s.ticket, 1, Integer::sum);
            }
            if (s.stage == Stage.CAP) {
                out.splitAtCap = true;

            }
        }

        private void moved(TraceEvent e) {
            Ship s = ship(e);
            Stage from = e.from();
            Stage to = e.to();
            assertEquals(s.units, e.units(), () -> "conservation: units moved differ from the shipment's: " + e);
            assertEquals(s.stage, from, () -> "conservation: shipment moved from a stage it was not in: " + e);
            assertTrue(edges.getOrDefault(from, EnumSet.noneOf(Stage.class)).contains(to), () ->
                    "conservation: no such step in the pipeline: " + from + " -> " + to);
            int f = s.firm;
            long u = s.units;
            double wait = now - s.enteredAt;
            unitDays[f][from.ordinal()] += u * wait;
            if (wait > s.longestWait) {
                s.longestWait = wait;
                s.longestStage = from.ordinal();
            }
            leaveLine(s);
            rule(s, from, to, wait);
            at[f][from.ordinal()] -= u;
            assertTrue(at[f][from.ordinal()] >= 0, () -> "conservation: negative units in " + from);
            at[f][to.ordinal()] += u;
            if (to.ordinal() > from.ordinal()) {
                entered[f][to.ordinal()] += u;
            }
            s.stage = to;
            s.enteredAt = now;
            joinLine(s);
            if (to == Stage.ALLOCATION) {
                s.ticket = tickets++;
                allocationLine.get(f).merge(s.ticket, 1, Integer::sum);
            }
            if (to == Stage.LICENCE) {
                licenceWaiting.merge(key(s), u, Long::sum);
            }
            if (to == Stage.DELIVERED) {
                live.remove(e.shipment());
                attribute(f, s.longestStage, u);
            }
        }

        /** The rule of the step {@code from -> to}, checked at the instant the shipment takes it. */
        private void rule(Ship s, Stage from, Stage to, double wait) {
            int f = s.firm;
            long u = s.units;
            switch (from) {
                case APPROVAL -> approve(s);
                case CONDITIONS -> {
                    if (s.conditional) {
                        conditionsFinal(s, wait);
                    } else {
                        assertEquals(0.0, wait, () -> "approval: units of a final approval waited in CONDITIONS");
                    }
                    finalEntered[f] += u;
                    convertible(f, in.at(now));
                }
                case CONVERSION -> {
                    quotaLine.addLast(new double[] {f, now, u});
                    converted[f] += u;
                    long allowed = convertible[f];
                    assertTrue(converted[f] <= allowed, () -> "conversion: firm " + f + " converted " + converted[f]
                            + " of " + finalEntered[f] + " final units at share " + in.at(now).china().conversionShare()
                            + (in.changes() ? " (at most " + allowed + " under the shares in force so far)" : ""));
                    // The delay is drawn when the units are converted, at or after they came in.
                    double earliest = Math.max(now - wait, clearanceDay)
                            + in.min(s.enteredAt, now, r -> r.china().conversionDays().min());
                    assertTrue(now >= earliest - TIME_EPS, () -> "conversion: purchase order at day " + now
                            + " before clearance + delay (" + earliest + ")");
                }
                case DOMESTIC_QUOTA -> {
                    double[] head = quotaLine.pollFirst();
                    assertTrue(head != null && head[0] == f && head[2] == u, () -> "quota: firm " + f + "'s " + u
                            + " units left the domestic quota at day " + now + " out of line");
                    quotaMovedTotal += u;
                    domesticBought += in.at(now).china().domesticRatio() * u;
                    double available = domesticAvailable(now);
                    double needed = domesticBought;
                    assertTrue(needed <= available * (1 + 1e-9) + 1e-6,
                            () -> "quota: by day " + now + " purchase orders of " + quotaMovedTotal + " units need "
                                    + needed + " domestic chips, only " + available + " made");
                    applied.putIfAbsent(key(s), now);
                    if (wait > 0) {
                        out.quotaHeld = true;
                    }
                }
                case LICENCE_LIMIT -> {
                    limitPassed[f] += u;
                    limitPassedTotal += u;
                    Scenario rules = in.at(now);
                    assertTrue(limitPassed[f] <= rules.us().perFirmCap(), () -> "limit: firm " + f + " let through "
                            + limitPassed[f] + " units, per-firm cap " + rules.us().perFirmCap()
                            + (in.changes() ? " in force at day " + now : ""));
                    assertTrue(limitPassedTotal <= rules.us().totalCeiling(), () -> "limit: " + limitPassedTotal
                            + " units let through, total ceiling " + rules.us().totalCeiling()
                            + (in.changes() ? " in force at day " + now : ""));
                }
                case ALLOCATION -> {
                    allocationOrder(s);
                    allocated[f] += u;
                    inventory -= u;
                    int d = (int) Math.floor(now);
                    for (int k = d; k < byDay[f].length; k++) {
                        byDay[f][k] += u;
                    }
                }
                case LICENCE -> {
                    licenceWaiting.merge(key(s), -u, Long::sum);
                    assertTrue(granted.containsKey(key(s)), () -> "licence: units moved out of LICENCE at day " + now
                            + " without a licence granted for key " + key(s));
                    licensed[f] += u;
                }
                case CAP -> cap(s, wait);
                case LAB_QUEUE -> {
                    if (pendingLot.isEmpty()) {
                        pendingAt = now;
                    }
                    pendingLot.add(s.id);
                    if (wait > 0) {
                        out.labQueued = true;
                    }
                }
                case LAB_TEST -> {
                    Lot lot = s.lot < 0 ? null : lots.get(s.lot);
                    assertTrue(lot != null && lot.endedAt == now, () -> "lab: a shipment left LAB_TEST at day " + now
                            + " when its lot did not end");
                    assertEquals(lot.to, to,
                            () -> "lab: a shipment left its lot for another stage than the lot's outcome");
                    lot.members--;
                    awaitingRelease--;
                    if (lot.members == 0) {
                        lots.remove(s.lot);
                    }
                    s.lot = -1;
                }
                case TRANSIT -> {
                    // Drawn as the shipment left the lab (or the cap).
                    assertTrue(wait >= in.at(s.enteredAt).border().transitDays().min() - TIME_EPS, () -> "customs: arrived "
                            + "after " + wait + " days of transit, less than the least transit");
                    s.customsSince = now;
                }
                case CUSTOMS -> customs(s, wait);
                default -> throw new AssertionError("conservation: move out of " + from);
            }
        }

        /**
         * Allocation follows the policy: a firm's own purchase orders in order of arrival; under FCFS the one that
         * arrived first across firms; under PRIORITY a firm of the lowest rank waiting.
         */
        private void allocationOrder(Ship s) {
            TreeMap<Long, Integer> own = allocationLine.get(s.firm);
            AllocationPolicy policy = in.at(now).supply().allocation();
            assertEquals(own.firstKey(), s.ticket,
                    () -> "allocation: firm " + s.firm + " served a purchase order at day " + now
                            + " before one of its own that came earlier");
            for (int g = 0; g < firms; g++) {
                TreeMap<Long, Integer> other = allocationLine.get(g);
                if (g == s.firm || other.isEmpty()) {
                    continue;
                }
                int firm = g;
                if (policy == AllocationPolicy.FCFS) {
                    assertTrue(other.firstKey() > s.ticket, () -> "allocation: under FCFS firm " + s.firm
                            + " served at day " + now + " ahead of an earlier purchase order of firm " + firm);
                } else if (policy == AllocationPolicy.PRIORITY) {
                    assertTrue(sc.firms().get(g).priority() >= sc.firms().get(s.firm).priority(), () -> "allocation: "
                            + "under PRIORITY firm " + s.firm + " served at day " + now + " while firm " + firm
                            + " of a lower rank waits");
                }
            }
            own.merge(s.ticket, -1, Integer::sum);
            own.remove(s.ticket, 0);
        }

        /**
         * Conditional units pass CONDITIONS once their approval's conditions are final: at an instant when conditions
         * finalise under the rules in force, and not before the approval's day plus the shortest NDRC delay (drawn at
         * the grant, or when finalising is turned on: under the rules in force at some instant since the approval).
         */
        private void conditionsFinal(Ship s, double wait) {
            double from = s.approvedOn;
            conditionsWaiting[s.firm][s.approval] -= s.units;
            assertTrue(in.any(from, now, (Scenario x) -> x.china().conditionsFinalize()), () -> "approval: units of a conditional "
                    + "approval passed CONDITIONS at day " + now + " but conditions never become final"
                    + (in.changes() ? " from the approval's day " + from + " to then" : ""));
            double ready = from + in.min(from, now, r -> r.china().ndrcConditionDays().min());
            assertTrue(now >= ready - TIME_EPS, () -> "approval: conditional units passed CONDITIONS at day " + now
                    + " before the NDRC could finalise (" + ready + ")");
            assertTrue(in.any(ready - TIME_EPS, now, (Scenario x) -> x.china().conditionsFinalize()), () -> "approval: conditional "
                    + "units passed CONDITIONS at day " + now + " but conditions could not become final from " + ready
                    + " (earliest) to then under the rules in force");
            // Units that waited leave the instant their approval's conditions become final, under rules that let them.
            assertTrue(wait == 0 || in.at(now).china().conditionsFinalize(), () -> "approval: conditional units that waited "
                    + "passed CONDITIONS at day " + now + " when conditions do not become final under the rules in "
                    + "force");
        }

        /** The firm's approved units in consumption order: this shipment takes the next {@code units}. */
        private void approve(Ship s) {
            int f = s.firm;
            long start = approvedMoved[f];
            approvedMoved[f] += s.units;
            long dated = 0;
            for (int i = 0; i < approvals[f].length; i++) {
                if (approvalDay[f][i] <= now) {
                    dated += approvals[f][i].units();
                }
            }
            long datedTotal = dated;
            assertTrue(approvedMoved[f] <= dated, () -> "approval: firm " + f + " has " + approvedMoved[f]
                    + " units approved by day " + now + ", its approvals dated so far total " + datedTotal);
            // Which approvals the units [start, start + units) belong to.
            long edge = 0;
            for (int i = 0; i < approvals[f].length; i++) {
                Approval a = approvals[f][i];
                long lo = edge;
                edge += a.units();
                if (edge <= start || lo >= approvedMoved[f]) {
                    continue;
                }
                assertTrue(lo <= start && approvedMoved[f] <= edge, () -> "approval: a shipment of firm " + f
                        + " straddles the edge of two approvals (not split exact to the unit)");
                if (a.conditional()) {
                    s.conditional = true;
                    s.approvedOn = approvalDay[f][i];
                    s.approval = i;
                    conditionsWaiting[f][i] += s.units;
                }
            }
        }

        private void cap(Ship s, double wait) {
            if (wait > 0) {
                out.capHeldThenReleased = true;
            }
            chinaCumulative += s.units;
            while (usUpTo < usTimes.length && usTimes[usUpTo] <= now) {
                usUpTo++;
            }
            long china = chinaCumulative;
            long us = usStream.units(0, usUpTo);
            int rolling = sc.us().capRollingDays();
            if (rolling > 0) {
                // The window (t - R, t]: a shipment made at s counts until, not at, s + R.
                while (usFrom < usUpTo && usTimes[usFrom] + rolling <= now) {
                    usFrom++;
                }
                while (!chinaWindow.isEmpty() && chinaWindow.peekFirst()[0] + rolling <= now) {
                    chinaInWindow -= (long) chinaWindow.pollFirst()[1];
                }
                chinaWindow.addLast(new double[] {now, s.units});
                chinaInWindow += s.units;
                china = chinaInWindow;
                us = usStream.units(usFrom, usUpTo);
                if (chinaInWindow < chinaCumulative) {
                    out.rollingWindowDropped = true;
                }
            }
            double ratio = in.at(now).us().capRatio();
            if (ratio != Double.POSITIVE_INFINITY) {
                double limit = ratio * us;
                long c = china;
                long x = us;
                assertTrue(c <= limit + 1e-6 + 1e-12 * limit, () -> "cap: broken at day " + now + ": China " + c
                        + " > " + ratio + " x US " + x + (rolling > 0 ? " in the last " + rolling + " days"
                        : " since the policy start"));
            }
        }

        private void customs(Ship s, double wait) {
            for (double[] w : blocks) {
                assertTrue(now < w[0] || now >= w[1], () -> "customs: shipment cleared at day " + now
                        + " inside a block window [" + w[0] + ", " + w[1] + ")");
            }
            // Drawn as the shipment reached customs.
            assertTrue(wait >= in.at(s.customsSince).border().clearanceDays().min() - TIME_EPS, () -> "customs: cleared "
                    + "after " + wait + " days, less than the least clearance");
            for (double[] w : blocks) {
                boolean arrivedInBlock = s.customsSince >= w[0] && s.customsSince < w[1];
                if (arrivedInBlock || now == w[1]) {
                    out.customsDelayed = true;
                }
            }
            delivered[s.firm] += s.units;
        }

        private int key(Ship s) {
            return sc.us().licenceScope() == LicenceScope.ORDER ? s.order : s.firm;
        }

        private void produced(TraceEvent e) {
            assertTrue(sc.supply().productionStart() != null && in.at(now).supply().productionUnitsPerWeek() > 0,
                    () -> "production: units produced though production never starts"
                            + (in.changes() ? " or is at rate 0 that day" : "") + ": " + e);
            double start = Calendar.day(sc.supply().productionStart());
            assertTrue(now >= start, () -> "production: produced at day " + now + " before the start " + start);
            assertEquals(Math.floor(now), now, () -> "production: produced at a fraction of a day: " + e);
            for (double[] w : halts) {
                assertTrue(now < w[0] || now >= w[1], () -> "production: produced at day " + now
                        + " inside a halt window [" + w[0] + ", " + w[1] + ")");
            }
            assertTrue(e.units() > 0, () -> "production: empty production event");
            produced += e.units();
            inventory += e.units();
            out.producedEvents++;
            producedOn[(int) now] = true;
            double bound = productionBound(now);
            assertTrue(produced <= bound + 1e-6 + 1e-9 * bound,
                    () -> "production: " + produced + " produced by day " + now + ", more than " + bound
                            + " in the production days so far");
        }

        /**
         * The most output by the end of day {@code t}, inside the horizon: each production day from the start (halts
         * excluded) adds the rate in force that day / 7.
         */
        private double productionBound(double t) {
            int lastDay = (int) Math.min(Math.floor(t), horizon - 1);
            return in.perDaySum(lastDay, r -> r.supply().productionUnitsPerWeek() / 7.0, d -> productionDaysTo[d]);
        }

        private boolean halted(double d) {
            for (double[] w : halts) {
                if (d >= w[0] && d < w[1]) {
                    return true;
                }
            }
            return false;
        }

        private void granted(TraceEvent e) {
            int k = e.other();
            // The decision is made as the review ends, under the probability in force then.
            assertTrue(in.at(now).us().approvalProbability() > 0, () -> "licence: granted with approval probability "
                    + "0" + (in.changes() ? " in force at day " + now : "") + ": " + e);
            assertTrue(granted.put(k, now) == null, () -> "licence: key " + k + " granted twice");
            Double filed = applied.get(k);
            assertTrue(filed != null, () -> "licence: key " + k + " granted at day " + now + " but never applied for");
            double reviewFrom = Math.max(filed, policyStart);
            // The first review is drawn when the licence is filed, under the rules in force then; a resubmission only
            // follows it.
            double shortest = in.at(filed).us().reviewDays().min();
            assertTrue(now >= reviewFrom + shortest - TIME_EPS, () -> "licence: key " + k
                    + " granted at day " + now + ", before the shortest review from day " + reviewFrom);
            if (now > reviewFrom + in.at(filed).us().reviewDays().max() + TIME_EPS) {
                out.licenceRefused = true;
            }
            out.grants++;
        }

        private void lotStarted(TraceEvent e) {
            assertTrue(sc.lab().required(), () -> "lab: a lot started though no test is required");
            assertTrue(!pendingLot.isEmpty() && pendingLot.get(0) == e.shipment(), () -> "lab: lot " + e.shipment()
                    + " started at day " + now + " without its shipments moving into LAB_TEST first");
            long units = 0;
            for (int id : pendingLot) {
                Ship s = live.get(id);
                units += s.units;
                s.lot = e.shipment();
            }
            long lotUnits = units;
            assertEquals(units, e.units(), () -> "lab: lot units differ from its shipments'");
            Scenario rules = in.at(now);
            assertTrue(units <= rules.lab().lotUnits(), () -> "lab: lot of " + lotUnits + " units, more than lab.lotUnits"
                    + (in.changes() ? " = " + rules.lab().lotUnits() + " in force at day " + now : ""));
            assertTrue(lots.put(e.shipment(), new Lot(now, units, pendingLot.size())) == null, () ->
                    "lab: lot " + e.shipment() + " started twice");
            long queued = 0;
            for (long[] a : at) {
                queued += a[Stage.LAB_QUEUE.ordinal()];
            }
            long left = queued;
            assertTrue(units == rules.lab().lotUnits() || queued == 0,
                    () -> "lab: lot of " + lotUnits + " units started at day " + now + " with " + left
                            + " units still waiting");
            pendingLot.clear();
            busy++;
            out.maxLotsAtOnce = Math.max(out.maxLotsAtOnce, busy);
            // Only starts are checked: with fewer lines from a date, the tests running finish.
            assertTrue(busy <= rules.lab().lines(), () -> "lab: " + busy + " lots in test at day " + now + " on "
                    + rules.lab().lines() + " lines" + (in.changes() ? " in force then" : ""));
        }

        private void lotEnded(TraceEvent e) {
            Lot lot = lots.get(e.shipment());
            assertTrue(lot != null && Double.isNaN(lot.endedAt),
                    () -> "lab: lot " + e.shipment() + " ended at day " + now + " without being in test");
            boolean failed = e.other() == 1;
            Scenario drawn = in.at(lot.started);
            double least = drawn.lab().baseDays().min() + drawn.lab().daysPerUnit().min() * lot.units;
            assertTrue(now - lot.started >= least - TIME_EPS, () -> "lab: lot tested in " + (now - lot.started)
                    + " days, less than the shortest test " + least);
            lot.endedAt = now;
            lot.to = failed ? Stage.LAB_QUEUE : Stage.TRANSIT;
            assertEquals(lot.to, e.to(), () -> "lab: lot outcome and destination disagree: " + e);
            awaitingRelease += lot.members;
            awaitingAt = now;
            busy--;
            if (failed) {
                out.labFailures++;
            }
        }

        private void attribute(int f, int longest, long u) {
            if (longest < 0) {
                unheld[f] += u;
            } else {
                attributed[f][longest] += u;
            }
        }

        private void finish(SupplyResult result) {
            assertEquals(firms, result.firms().size(), "conservation: one result per firm");
            // The rules in force as the run ends, and the highest per-firm cap in force at any time.
            Scenario end = in.at(horizon);
            long perFirmCapMost = (long) in.max(0, horizon, (Scenario x) -> x.us().perFirmCap());
            // Books at the end of the run (the clock stands at the horizon).
            for (Ship s : live.values()) {
                double wait = horizon - s.enteredAt;
                unitDays[s.firm][s.stage.ordinal()] += s.units * wait;
                attribute(s.firm, wait > s.longestWait ? s.stage.ordinal() : s.longestStage, s.units);
            }
            for (int o = 0; o < orderUnits.length; o++) {
                assertEquals(orderUnits[o], createdByOrder[o], "conservation: order " + o + " not cut whole into "
                        + "shipments");
            }
            for (int f = 0; f < firms; f++) {
                Firm firm = sc.firms().get(f);
                FirmResult fr = result.firms().get(f);
                long sum = 0;
                for (int st = 0; st < stages; st++) {
                    assertEquals(at[f][st], fr.unitsAtEnd()[st], "conservation: " + fr.name() + " units in "
                            + Stage.of(st) + " at the end");
                    sum += at[f][st];
                }
                assertEquals(created[f], sum, "conservation: " + fr.name() + " units created or lost");
                assertEquals(created[f], fr.ordered(), "conservation: " + fr.name() + " ordered");
                long attributedSum = 0;
                for (long a : fr.attributedUnits()) {
                    attributedSum += a;
                }
                assertEquals(fr.ordered(), attributedSum + fr.unheldUnits(), "attribution: " + fr.name()
                        + ": every unit is attributed to one stage, or to none if it never waited");
                assertTrue(Arrays.equals(attributed[f], fr.attributedUnits()), "attribution: " + fr.name()
                        + " replayed " + Arrays.toString(attributed[f]) + ", model "
                        + Arrays.toString(fr.attributedUnits()));
                assertEquals(unheld[f], fr.unheldUnits(), "attribution: " + fr.name() + " units never held");
                for (int st = 0; st < Stage.WAITING_STAGES; st++) {
                    double replayed = created[f] == 0 ? 0 : unitDays[f][st] / created[f];
                    assertEquals(replayed, fr.waitDays()[st], 1e-9 * Math.max(1, replayed), "attribution: "
                            + fr.name() + " wait days in " + Stage.of(st));
                }
                long[] counts = {fr.approved(), fr.converted(), fr.allocated(), fr.licensed(), fr.exported(),
                    fr.delivered()};
                Stage[] reached = {Stage.CONDITIONS, Stage.DOMESTIC_QUOTA, Stage.LICENCE, Stage.CAP, Stage.TRANSIT,
                    Stage.DELIVERED};
                for (int i = 0; i < counts.length; i++) {
                    assertEquals(entered[f][reached[i].ordinal()], counts[i], "books: " + fr.name()
                            + " units that reached " + reached[i]);
                }
                assertTrue(delivered[f] <= firm.orderedUnits(), "receipt: " + fr.name() + " got more than it ordered");
                assertTrue(delivered[f] <= firm.approvedUnits(), "receipt: " + fr.name()
                        + " got more than it was approved");
                assertTrue(delivered[f] <= licensed[f], "receipt: " + fr.name() + " got more than it was licensed");
                assertTrue(licensed[f] <= perFirmCapMost, "receipt: " + fr.name()
                        + " licensed beyond the per-firm cap" + (in.changes() ? " (the highest in force)" : ""));
                if (limitPassed[f] >= end.us().perFirmCap() && at[f][Stage.LICENCE_LIMIT.ordinal()] > 0) {
                    out.perFirmCapBound = true;
                }
                if (!end.china().conditionsFinalize() && at[f][Stage.CONDITIONS.ordinal()] > 0) {
                    out.conditionsNeverFinalHeld = true;
                }
            }
            if (limitPassedTotal >= end.us().totalCeiling()
                    && Arrays.stream(at).mapToLong(a -> a[Stage.LICENCE_LIMIT.ordinal()]).sum() > 0) {
                out.ceilingBound = true;
            }
            if (in.max(0, horizon, (Scenario x) -> x.us().approvalProbability()) == 0) {
                assertEquals(0, out.grants, "licence: granted with approval probability 0");
            }
            SystemResult sys = result.system();
            long allocatedTotal = Arrays.stream(allocated).sum();
            assertEquals(sc.supply().inventoryUnits(), sys.inventoryStart(), "inventory: start");
            assertEquals(produced, sys.produced(), "production: units produced");
            assertEquals(sc.supply().inventoryUnits() + produced - allocatedTotal, sys.inventoryEnd(), () ->
                    "inventory: start + produced - allocated");
            double expected = productionBound(horizon);
            if (sc.supply().productionStart() != null) {
                for (int d = (int) Calendar.day(sc.supply().productionStart()); d < horizon; d++) {
                    if (in.at(d).supply().productionUnitsPerWeek() / 7.0 >= 1 && !producedOn[d]) {
                        out.productionGapDays++;
                    }
                }
            }
            assertTrue(produced >= Math.floor(expected) - 1, "production: " + produced + " produced, "
                    + expected + " expected in the production days of the horizon");
            double bought = domesticBought;
            assertEquals(bought, sys.domesticBought(), 1e-9 * Math.max(1, bought), "quota: domestic chips bought");
            out.allocated = allocated.clone();
            out.allocatedByDay = byDay;
            out.delivered = delivered.clone();
        }
    }

    /**
     * The model's own books agree with the inequalities of docs/model.md. With a timeline, the limits are the loosest in force at
     * any time of the run (the replay checks each against the rules in force when it acts).
     */
    static void checkBooks(Scenario scenario, SupplyResult result) {
        RulesInForce in = new RulesInForce(scenario);
        double horizon = scenario.horizonDays();
        long perFirmCap = (long) in.max(0, horizon, (Scenario x) -> x.us().perFirmCap());
        long ceiling = (long) in.max(0, horizon, (Scenario x) -> x.us().totalCeiling());
        double share = in.max(0, horizon, (Scenario x) -> x.china().conversionShare());
        long licensedTotal = 0;
        long allocatedTotal = 0;
        for (int f = 0; f < scenario.firms().size(); f++) {
            Firm firm = scenario.firms().get(f);
            FirmResult r = result.firms().get(f);
            long[] chain = {r.ordered(), r.approved(), r.converted(), r.allocated(), r.licensed(), r.exported(),
                r.delivered()};
            for (int i = 1; i < chain.length; i++) {
                assertTrue(chain[i] <= chain[i - 1], r + ": a later stage exceeds an earlier one");
            }
            assertTrue(r.ordered() <= firm.orderedUnits(), r.name() + " got more than it ordered");
            assertTrue(r.approved() <= firm.approvedUnits(), r.name() + " got more than it was approved");
            assertTrue(r.delivered() <= r.licensed(), r.name() + " got more than it was licensed");
            assertTrue(r.licensed() <= perFirmCap, r.name() + " exceeds the per-firm cap");
            assertTrue(r.converted() <= Math.floor(share * r.approved() + 1e-6),
                    r.name() + " converted more than the share allows");
            licensedTotal += r.licensed();
            allocatedTotal += r.allocated();
        }
        assertTrue(licensedTotal <= ceiling, "total ceiling exceeded");
        SystemResult s = result.system();
        assertEquals(s.inventoryStart() + s.produced(), s.inventoryEnd() + allocatedTotal,
                "supply: inventory + produced must equal what is left plus what was allocated");
        assertTrue(s.inventoryEnd() >= 0, "negative inventory");
        assertTrue(s.domesticBought() <= s.domesticProduced() * (1 + 1e-9) + 1e-6, "bought more domestic chips "
                + "than were produced");
    }
}
