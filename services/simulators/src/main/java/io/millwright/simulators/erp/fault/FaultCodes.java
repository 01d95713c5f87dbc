package io.millwright.simulators.erp.fault;

/** ErpFault codes: {@code BUS-} = business rejection (caller must not retry), {@code TEC-} = technical (retry later). */
public final class FaultCodes {

    public static final String REQUEST_INVALID = "BUS-REQUEST-INVALID";
    public static final String CUSTOMER_UNKNOWN = "BUS-CUSTOMER-UNKNOWN";
    public static final String CREDIT_BLOCKED = "BUS-CREDIT-BLOCKED";
    public static final String ITEM_UNKNOWN = "BUS-ITEM-UNKNOWN";
    public static final String QUANTITY_INVALID = "BUS-QUANTITY-INVALID";
    public static final String UNIT_OF_MEASURE_INVALID = "BUS-UOM-INVALID";
    public static final String LOT_UNKNOWN = "BUS-LOT-UNKNOWN";
    public static final String STOCK_INSUFFICIENT = "BUS-STOCK-INSUFFICIENT";
    public static final String PRODUCTION_ORDER_UNKNOWN = "BUS-PRODUCTION-ORDER-UNKNOWN";
    public static final String OPERATION_UNKNOWN = "BUS-OPERATION-UNKNOWN";
    public static final String PERIOD_INVALID = "BUS-PERIOD-INVALID";
    public static final String AMOUNT_INVALID = "BUS-AMOUNT-INVALID";

    public static final String BACKEND_UNAVAILABLE = "TEC-BACKEND-UNAVAILABLE";
    public static final String INTERNAL_ERROR = "TEC-INTERNAL-ERROR";

    private FaultCodes() {
    }
}
