package io.kefu.bot.internal;

import java.util.Locale;
import java.util.Map;

/** What the bot says, in the customer's language (Chinese or English). */
final class BotPhrases {
    private BotPhrases() {
    }

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("greeting", "您好！我是智能客服，可以帮您查询订单、物流、退款、退货、发票和账号问题。请问有什么可以帮您？"),
            Map.entry("thanks", "不客气！还有其他问题随时告诉我。"),
            Map.entry("clarify", "抱歉，我没有完全理解您的意思。能换个说法再描述一下吗？如需人工服务，请回复“转人工”。"),
            Map.entry("handoff", "正在为您转接人工客服，请稍候，客服会看到您之前说的内容，您无需重复。"),
            Map.entry("ask.order_number", "请提供您的订单号（例如 E20261121000123），我来帮您查询。"),
            Map.entry("ask.phone", "请提供您下单时使用的手机号。"),
            Map.entry("ask.email", "请提供您的邮箱地址。"),
            Map.entry("ask.date", "请问是哪一天？"),
            Map.entry("ask.amount", "请问金额是多少？"),
            Map.entry("ask.other", "请补充一下相关信息（%s）。"),
            Map.entry("answered.more", "还有其他可以帮您的吗？"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("greeting", "Hello! I'm the virtual assistant. I can help with orders, delivery, refunds, returns,"
                    + " invoices and your account. What can I do for you?"),
            Map.entry("thanks", "You're welcome! Let me know if there is anything else."),
            Map.entry("clarify", "Sorry, I didn't quite get that. Could you put it another way? To talk to a person,"
                    + " type \"agent\"."),
            Map.entry("handoff", "I'm connecting you to a member of our team. They will see what you told me, so you"
                    + " won't need to repeat yourself."),
            Map.entry("ask.order_number", "Could you give me your order number (for example E20261121000123)?"),
            Map.entry("ask.phone", "Which phone number did you order with?"),
            Map.entry("ask.email", "What is your email address?"),
            Map.entry("ask.date", "Which day do you mean?"),
            Map.entry("ask.amount", "What is the amount?"),
            Map.entry("ask.other", "Could you tell me the %s?"),
            Map.entry("answered.more", "Is there anything else I can help with?"));

    static String say(String key, Locale language) {
        Map<String, String> phrases = Locale.CHINESE.getLanguage().equals(language.getLanguage()) ? ZH : EN;
        return phrases.get(key);
    }

    static String askFor(String slot, Locale language) {
        String specific = say("ask." + slot, language);
        return specific != null ? specific : String.format(say("ask.other", language), slot.replace('_', ' '));
    }
}
