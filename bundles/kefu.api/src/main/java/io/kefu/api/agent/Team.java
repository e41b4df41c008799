package io.kefu.api.agent;

/** A group of agents, such as after-sales or finance; supervisors watch teams. */
public record Team(String id, String name) {
}
