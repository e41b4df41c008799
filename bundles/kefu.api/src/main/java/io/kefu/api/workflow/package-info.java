/**
 * Workflow: BPMN processes (ticket lifecycles with their SLA timers, agents' guided procedures) run by the workflow bundle's
 * engine, their tasks, and the actions their service tasks carry out. Other bundles start and steer processes
 * through {@link io.kefu.api.workflow.Workflows}; they and plug-ins contribute what a service task does as
 * {@link io.kefu.api.workflow.ProcessAction} services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kefu.api.workflow;
