package com.example.kefu.parcels.internal;

import io.kefu.api.workflow.ActionContext;
import io.kefu.api.workflow.ProcessAction;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The plug-in's step for Kefu's processes: {@code ${actions.run('parcel.track', execution)}} looks up the input
 * {@code trackingNumber} and sets {@code parcelStatus} (carrier and tracking page, or why not) and
 * {@code parcelCarrier} for the steps that follow (the delivery-complaint SOP shows it on its remedy form).
 */
@Component(service = ProcessAction.class)
public final class ParcelTrackingAction implements ProcessAction {
    @Override
    public String name() {
        return "parcel.track";
    }

    @Override
    public void execute(ActionContext context) {
        String number = context.text("trackingNumber", "");
        List<ParcelLookup.Match> matches = ParcelLookup.lookup(number);
        if (matches.isEmpty()) {
            context.setVariable("parcelCarrier", null);
            context.setVariable("parcelStatus", "No carrier uses numbers like " + number);
            return;
        }
        ParcelLookup.Match match = matches.get(0);
        context.setVariable("parcelCarrier", match.carrier());
        context.setVariable("parcelStatus", match.carrier() + " (" + match.carrierZh() + "): " + match.trackingUrl());
    }
}
