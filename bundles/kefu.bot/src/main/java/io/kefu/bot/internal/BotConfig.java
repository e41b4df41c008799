package io.kefu.bot.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.bot}, in {@code conf/kefu.bot.cfg}; applied while running. */
@ObjectClassDefinition(name = "Kefu bot", description = "The bot that answers customers before a person does")
@interface BotConfig {
    @AttributeDefinition(description = "Channels whose new conversations the bot answers first (empty: none).")
    String[] channels() default {"webchat", "webhook"};

    @AttributeDefinition(description = "Messages the bot may fail to understand or answer before a person takes over.",
            min = "1")
    int maxFailedTurns() default 2;

    @AttributeDefinition(description = "Negative messages in a row after which a person takes over (0: never for"
            + " this reason; an angry message always hands off).", min = "0")
    int negativeStreak() default 2;

    @AttributeDefinition(description = "Least knowledge-search score for an answer from an article not tagged with"
            + " the intent (intent:<name>).", min = "0")
    double minAnswerScore() default 4.0;
}
