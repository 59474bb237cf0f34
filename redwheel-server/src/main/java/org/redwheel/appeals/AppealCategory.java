package org.redwheel.appeals;

/**
 * What a driver needs help with. Each category has its service levels and its default route
 * ({@code redwheel.appeals.categories.*}): personal matters go to the driver's helper, a
 * department's field to that department, anything else to the industry committee's office.
 */
public enum AppealCategory {
    /** Somewhere to park and rest (临时停车、停车难). */
    PARKING,
    /** Unpaid freight charges and legal aid (运费拖欠、法律援助). */
    UNPAID_FREIGHT,
    /** Truck loans: extensions, rescheduling (车贷延期). */
    VEHICLE_LOAN,
    /** Finding loads and taking orders (接单难). */
    ORDER_TAKING,
    /** Children's care while the driver is on the road (子女看护). */
    CHILD_CARE,
    /** Questions about policies (政策咨询). */
    POLICY,
    /** Health and counselling (健康与心理疏导). */
    HEALTH,
    /** Vehicle and certificates: inspections, licences, qualification certificates (车辆证照). */
    VEHICLE_CERTIFICATES,
    /** Anything else (其他). */
    OTHER;

    public String messageKey() {
        return "appeals.category." + name();
    }
}
