package io.kefu.routing.internal;

import io.kefu.routing.facts.Contact;
import io.kefu.routing.facts.CustomerProfile;
import io.kefu.routing.facts.Decision;
import io.kefu.routing.facts.Now;
import io.kefu.routing.facts.QueueLoad;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision of rules/routing.drl (all 33 rules) hand-coded in plain Java, without Drools: the baseline of
 * {@link RoutingBenchmark}. Written the way a developer would write it without a rule engine: straight
 * if-statements over the same facts, in the rules' salience order (110, 100, 50, 45, 20, 10, 5, 0), rules of equal
 * salience in the order they appear in the DRL (the order Drools fires them in, checked by
 * {@link HandCodedRoutingTest}). A later {@code routeTo} overrides an earlier one, priorities add up, a skill keeps
 * the highest level asked for ({@link Decision} does that, as for the rules).
 *
 * <p>Keep it in step with rules/routing.drl: {@link HandCodedRoutingTest} fails as soon as the two disagree.
 */
final class HandCodedRouting {
    private HandCodedRouting() {
    }

    static RuleOutcome decide(RoutingFacts facts) {
        return decide(facts, "general");
    }

    static RuleOutcome decide(RoutingFacts facts, String defaultQueue) {
        Decision d = new Decision();
        List<String> fired = new ArrayList<>();
        Contact c = facts.contact();
        if (c == null) { // every rule matches on the conversation
            return new RuleOutcome(defaultQueue, d.getSkills(), d.getPriority(), d.getStrategy(),
                    d.isPreferLastAgent(), d.getActions(), fired);
        }
        CustomerProfile customer = facts.customer();
        Now now = facts.now();
        String intent = c.getIntent();
        String channel = c.getChannel();
        String sentiment = c.getSentiment();
        String tier = customer.getTier();
        boolean vip = "VIP".equals(tier);
        boolean waitingForAgent = !c.isWithAgent();

        if (waitingForAgent) {
            // salience 110: base queue
            rule(d, fired, "Everyone starts in the general queue");
            d.routeTo("general");
            d.addPriority(10);

            // salience 100: by what the customer wants
            if ("order_status".equals(intent)) {
                rule(d, fired, "Order status questions go to after-sales");
                d.routeTo("after_sales");
                d.requireSkill("orders", 1);
            } else if ("delivery".equals(intent)) {
                rule(d, fired, "Delivery problems need logistics skills");
                d.routeTo("after_sales");
                d.requireSkill("logistics", 2);
            } else if ("refund".equals(intent)) {
                rule(d, fired, "Refunds need the refunds skill");
                d.routeTo("after_sales");
                d.requireSkill("refunds", 2);
            } else if ("return".equals(intent)) {
                rule(d, fired, "Returns need the returns skill");
                d.routeTo("after_sales");
                d.requireSkill("returns", 1);
            } else if ("invoice".equals(intent)) {
                rule(d, fired, "Invoices go to finance");
                d.routeTo("finance");
                d.requireSkill("invoicing", 2);
            } else if ("account".equals(intent)) {
                rule(d, fired, "Account help needs the accounts skill");
                d.requireSkill("accounts", 1);
            } else if ("complaint".equals(intent)) {
                rule(d, fired, "Complaints go to the complaints queue");
                d.routeTo("complaints");
                d.requireSkill("complaints", 3);
                d.addPriority(20);
            }

            // salience 50: channel and keywords
            if ("email".equals(channel)) {
                rule(d, fired, "Email needs a careful writer");
                d.requireSkill("writing", 2);
                d.addPriority(-5);
            } else if ("voice".equals(channel)) {
                rule(d, fired, "Voice callers cannot wait long");
                d.addPriority(15);
            } else if ("webchat".equals(channel)) {
                rule(d, fired, "Chat customers expect a quick answer");
                d.addPriority(5);
            }
            if (!"invoice".equals(intent) && (c.mentions("发票") || c.mentions("invoice"))) {
                rule(d, fired, "Mentioning an invoice goes to finance");
                d.routeTo("finance");
                d.requireSkill("invoicing", 1);
            }
            if (c.mentions("注销") || c.mentions("close my account") || c.mentions("cancel my account")) {
                rule(d, fired, "Closing an account is a churn risk");
                d.requireSkill("accounts", 2);
                d.addPriority(5);
                d.tagCustomer("churn_risk");
            }

            // salience 45
            if (intent != null && c.getConfidence() < 0.3) {
                rule(d, fired, "Low-confidence intents need no special skill");
                d.routeTo("general");
            }

            // salience 20: tier, history, sentiment
            if (vip) {
                rule(d, fired, "VIP customers go to the VIP queue");
                d.routeTo("vip");
                d.addPriority(50);
                d.requireSkill("vip_care", 3);
                rule(d, fired, "VIP customers get the agent who has waited longest");
                d.useStrategy("LONGEST_IDLE");
            } else if ("GOLD".equals(tier)) {
                rule(d, fired, "Gold customers come first");
                d.addPriority(30);
            } else if ("SILVER".equals(tier)) {
                rule(d, fired, "Silver customers come a little earlier");
                d.addPriority(10);
            }
            if (c.getLastAgent() != null) {
                rule(d, fired, "Returning customers get their last agent");
                d.preferLastAgent();
            }
            if (customer.hasTag("churn_risk") || customer.hasTag("legal_risk")) {
                rule(d, fired, "Customers tagged as at risk come first");
                d.addPriority(15);
            }
            if ("NEGATIVE".equals(sentiment)) {
                rule(d, fired, "Unhappy customers come earlier");
                d.addPriority(10);
            } else if ("ANGRY".equals(sentiment)) {
                rule(d, fired, "Angry customers need a calm and experienced agent");
                d.addPriority(25);
                d.requireSkill("deescalation", 2);
            }

            // salience 10: waiting time
            if (c.getWaitingSeconds() > 120) {
                rule(d, fired, "Waiting over two minutes moves a conversation up");
                d.addPriority(10);
            }
            if (c.getWaitingSeconds() > 300) {
                rule(d, fired, "Waiting over five minutes moves it up again");
                d.addPriority(20);
            }

            // salience 5: time and load
            if (!now.isBusinessHours() && !vip) {
                rule(d, fired, "Out of hours the general queue takes everything but VIPs");
                d.routeTo("general");
            }
            if (now.isBusinessHours() && !vip
                    && ("order_status".equals(intent) || "delivery".equals(intent) || "return".equals(intent))
                    && afterSalesFullAndGeneralFree(facts.queues())) {
                rule(d, fired, "A full after-sales queue overflows to general");
                d.routeTo("general");
            }
        }

        // salience 0: escalation, also while an agent holds the conversation
        boolean escalated = c.isEscalated();
        if (c.getAngryMessages() >= 2 && !escalated) {
            rule(d, fired, "Angry twice goes to the supervisors");
            d.escalate("supervisors", "The customer has been angry twice");
            d.notifySupervisors("A customer has been angry twice");
        }
        if ("ANGRY".equals(sentiment) && !escalated && vip) {
            rule(d, fired, "An angry VIP alerts the supervisors");
            d.notifySupervisors("A VIP customer is angry");
        }
        if (waitingForAgent && c.getWaitingSeconds() > 60 && !escalated && vip) {
            rule(d, fired, "A VIP waiting over 60 seconds is escalated");
            d.escalate("supervisors", "A VIP customer has waited over 60 seconds");
            d.notifySupervisors("A VIP customer has waited over 60 seconds");
        }
        if (!escalated && (c.mentions("律师") || c.mentions("起诉") || c.mentions("lawyer") || c.mentions("sue you"))) {
            rule(d, fired, "Legal threats go to the supervisors");
            d.escalate("supervisors", "The customer mentions legal action");
            d.tagCustomer("legal_risk");
        }
        if (c.mentions("曝光") || c.mentions("媒体") || c.mentions("journalist")) {
            rule(d, fired, "Media threats alert the supervisors");
            d.notifySupervisors("The customer threatens to go to the media");
            d.tagCustomer("media_risk");
        }
        String trigger = c.getTrigger();
        if ("HANDOFF".equals(trigger) && "invoice".equals(intent)) {
            rule(d, fired, "Invoice requests open a finance ticket");
            d.createTicket("finance", "Invoice request");
        }
        if (("HANDOFF".equals(trigger) || "NEW".equals(trigger)) && "complaint".equals(intent)) {
            rule(d, fired, "Complaints are remembered on the customer");
            d.tagCustomer("complained");
        }

        String queue = d.getQueue() == null ? defaultQueue : d.getQueue();
        return new RuleOutcome(queue, d.getSkills(), d.getPriority(), d.getStrategy(), d.isPreferLastAgent(),
                d.getActions(), fired);
    }

    /** The after-sales queue is full with nobody free while the general queue has someone free. */
    private static boolean afterSalesFullAndGeneralFree(List<QueueLoad> queues) {
        boolean afterSalesFull = false;
        boolean generalFree = false;
        for (QueueLoad q : queues) {
            if ("after_sales".equals(q.getQueue()) && q.getWaiting() >= 20 && q.getAgentsAvailable() == 0) {
                afterSalesFull = true;
            } else if ("general".equals(q.getQueue()) && q.getAgentsAvailable() > 0) {
                generalFree = true;
            }
        }
        return afterSalesFull && generalFree;
    }

    private static void rule(Decision d, List<String> fired, String name) {
        d.firing(name);
        fired.add(name);
    }
}
