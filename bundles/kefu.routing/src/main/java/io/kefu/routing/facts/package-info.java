/**
 * The facts routing rules are written against (see rules/README.md): the conversation being routed
 * ({@link io.kefu.routing.facts.Contact}), its customer, the time, the state of each queue, and the
 * {@link io.kefu.routing.facts.Decision} the rules fill in. Plain JavaBeans, because DRL reads getters and the
 * scenarios and recorded decisions are JSON/YAML. Not exported: only the rules inside this bundle use them.
 */
package io.kefu.routing.facts;
