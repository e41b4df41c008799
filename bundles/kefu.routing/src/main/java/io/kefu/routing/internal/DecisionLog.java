package io.kefu.routing.internal;

import io.kefu.api.routing.RoutingDecision;
import io.kefu.api.routing.RoutingDecisions;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The recorded decisions, for other bundles and the REST resource. */
@Component(service = {RoutingDecisions.class, DecisionLog.class})
public final class DecisionLog implements RoutingDecisions {
    private final RoutingData data;

    @Activate
    public DecisionLog(@Reference RoutingData data) {
        this.data = data;
    }

    @Override
    public List<RoutingDecision> of(String conversationId) {
        return data.read(m -> m.decisions(conversationId)).stream().map(DecisionRecords::decision).toList();
    }

    /** Decisions whose rules failed (the conversation went to the default queue), newest first. */
    List<RoutingDecision> failed(int limit) {
        return data.read(m -> m.failedDecisions(limit)).stream().map(DecisionRecords::decision).toList();
    }
}
