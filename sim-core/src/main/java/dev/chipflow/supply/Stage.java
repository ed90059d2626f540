package dev.chipflow.supply;

import java.util.List;

/**
 * Where a shipment is: each stage of the pipeline of docs/model.md at which units can wait, in pipeline order, then
 * {@link #DELIVERED}. Attribution names the stage in which a unit waited longest.
 */
public enum Stage {
    /** Ordered; waiting for China to approve the firm's quantity. */
    APPROVAL("china-approval", "Waiting for Chinese approval of the firm's quantity", "firm.NAME.approvals"),
    /** Approved; waiting for the NDRC to make the approval's conditions final. */
    CONDITIONS("ndrc-conditions", "Approved, waiting for NDRC conditions to become final",
            "ndrc.conditionsFinalize", "ndrc.conditionDays"),
    /** Conditions final; not (yet) turned into a purchase order (conversion share and delay). */
    CONVERSION("conversion", "Approved and final, not yet converted into a purchase order",
            "china.conversionShare", "china.conversionDays", "china.clearance"),
    /** Converted; waiting to buy the domestic chips the quota requires. */
    DOMESTIC_QUOTA("domestic-quota", "Waiting for domestic chips to meet the purchase quota",
            "domestic.ratio", "domestic.outputPerYear", "domestic.initialStock"),
    /** Purchase order beyond what the US per-firm cap or total ceiling leaves: never allocated inventory. */
    LICENCE_LIMIT("us-licence-limit", "Purchase order beyond the US per-firm cap or total ceiling",
            "licence.perFirmCap", "licence.totalCeiling"),
    /** Purchase order placed; waiting for Nvidia inventory or production. */
    ALLOCATION("nvidia-allocation", "Purchase order waiting for Nvidia supply", "supply.inventory",
            "supply.productionStart", "supply.productionPerWeek", "supply.halts", "supply.allocation"),
    /** Allocated; waiting for the US licence review (refusals are resubmitted). */
    LICENCE("us-licence", "Allocated, waiting for the US licence review", "licence.policyStart",
            "licence.reviewDays", "licence.approvalProbability", "licence.scope"),
    /** Licensed; waiting for room under the China/US shipment cap. */
    CAP("us-cap", "Licensed, waiting for room under the export cap", "cap.ratio", "cap.rollingDays",
            "cap.split", "cap.usUnitsPerWeek"),
    /** Waiting for a line at the third-party test lab in the US. */
    LAB_QUEUE("lab-queue", "Waiting for a line at the US test lab", "lab.lines", "lab.lotUnits",
            "lab.required"),
    /** Being tested in a lot (including retests after a failure). */
    LAB_TEST("lab-test", "Under third-party test", "lab.baseDays", "lab.daysPerUnit", "lab.failureShare"),
    /** In transit from the US lab to China. */
    TRANSIT("transit", "In transit to China", "transit.days"),
    /** At Chinese customs: clearance delay and block windows. */
    CUSTOMS("china-customs", "At Chinese customs", "customs.blocks", "customs.clearanceDays"),
    /** Delivered to the firm. */
    DELIVERED("delivered", "Delivered");

    private final String label;
    private final String description;
    private final List<String> knobs;

    Stage(String label, String description, String... knobs) {
        this.label = label;
        this.description = description;
        this.knobs = List.of(knobs);
    }

    /** @return the knobs whose rules decide how long units wait here ({@code firm.NAME.approvals} for approval) */
    public List<String> knobs() {
        return knobs;
    }

    /** @return a short lower-case name for reports and CSV headers */
    public String label() {
        return label;
    }

    /** @return a sentence for reports */
    public String description() {
        return description;
    }

    /** The stages at which units can wait (every stage but {@link #DELIVERED}). */
    public static final int WAITING_STAGES = DELIVERED.ordinal();

    private static final Stage[] ALL = values();

    /**
     * @param ordinal a stage's ordinal
     * @return the stage of that ordinal
     */
    public static Stage of(int ordinal) {
        return ALL[ordinal];
    }
}
