package io.kefu.routing.facts;

/**
 * One queue's state when the rules run: conversations waiting in it, how long the oldest has waited, and how many
 * of its agents are online and how many of those have room for another conversation.
 */
public final class QueueLoad {
    private String queue;
    private int waiting;
    private long longestWaitSeconds;
    private int agentsOnline;
    private int agentsAvailable;

    public QueueLoad() {
    }

    public QueueLoad(String queue, int waiting, long longestWaitSeconds, int agentsOnline, int agentsAvailable) {
        this.queue = queue;
        this.waiting = waiting;
        this.longestWaitSeconds = longestWaitSeconds;
        this.agentsOnline = agentsOnline;
        this.agentsAvailable = agentsAvailable;
    }

    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public int getWaiting() { return waiting; }
    public void setWaiting(int waiting) { this.waiting = waiting; }
    public long getLongestWaitSeconds() { return longestWaitSeconds; }
    public void setLongestWaitSeconds(long longestWaitSeconds) { this.longestWaitSeconds = longestWaitSeconds; }
    public int getAgentsOnline() { return agentsOnline; }
    public void setAgentsOnline(int agentsOnline) { this.agentsOnline = agentsOnline; }
    public int getAgentsAvailable() { return agentsAvailable; }
    public void setAgentsAvailable(int agentsAvailable) { this.agentsAvailable = agentsAvailable; }
}
