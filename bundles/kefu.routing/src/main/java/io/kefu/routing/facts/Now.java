package io.kefu.routing.facts;

/**
 * The moment of the decision in the company's time zone: hour (0-23), day of week (1 = Monday … 7 = Sunday) and
 * whether it falls in business hours (configured, kefu.routing).
 */
public final class Now {
    private int hour;
    private int dayOfWeek;
    private boolean businessHours;

    public int getHour() { return hour; }
    public void setHour(int hour) { this.hour = hour; }
    public int getDayOfWeek() { return dayOfWeek; }
    public void setDayOfWeek(int dayOfWeek) { this.dayOfWeek = dayOfWeek; }
    public boolean isBusinessHours() { return businessHours; }
    public void setBusinessHours(boolean businessHours) { this.businessHours = businessHours; }
    public boolean isWeekend() { return dayOfWeek >= 6; }
}
