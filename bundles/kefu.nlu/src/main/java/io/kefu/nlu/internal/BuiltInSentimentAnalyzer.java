package io.kefu.nlu.internal;

import io.kefu.api.nlu.Sentiment;
import io.kefu.api.nlu.SentimentLabel;
import io.kefu.api.spi.SentimentAnalyzer;
import io.kefu.nlu.internal.model.TextClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Sentiment per message: a three-way model (negative, neutral, positive) trained on the examples the team wrote
 * (resources nlu/sentiment.tsv), and a list of anger cues (resources nlu/anger-cues.txt). A cue always makes a
 * message ANGRY, and so does shouting (!!!, capitals) in a message that is not positive ("THANK YOU!!!" is glad):
 * anger is what should reach a person quickly, and its signs are surer than a small model's guess.
 */
@Component(service = {SentimentAnalyzer.class, BuiltInSentimentAnalyzer.class},
        property = {"service.ranking:Integer=0", "kefu.nlu.engine=builtin"})
public final class BuiltInSentimentAnalyzer implements SentimentAnalyzer {
    private final TextClassifier model;
    private final List<String> angerCues;

    @Activate
    public BuiltInSentimentAnalyzer() {
        this(train(read("/nlu/sentiment.tsv")), cues(read("/nlu/anger-cues.txt")));
    }

    BuiltInSentimentAnalyzer(TextClassifier model, List<String> angerCues) {
        this.model = model;
        this.angerCues = angerCues;
    }

    /** Trains the three-way model from {@code label<TAB>text} lines after a header. */
    static TextClassifier train(List<String> lines) {
        List<TextClassifier.Example> examples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t", 2);
            if (cols.length == 2 && !cols[1].isBlank()) {
                examples.add(new TextClassifier.Example(cols[1], cols[0]));
            }
        }
        TextClassifier.Options options = TextClassifier.Options.defaults();
        // The team's examples are few: keep every feature seen once.
        return TextClassifier.train(examples, new TextClassifier.Options(options.model(), 1, null, 0.0, null, 1f));
    }

    private static List<String> cues(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> read(String resource) {
        try (InputStream in = BuiltInSentimentAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Sentiment analyze(String text, Locale language) {
        TextClassifier.Prediction p = model.classify(text, 0.0);
        double positive = 0;
        double negative = 0;
        for (TextClassifier.Scored s : p.ranked()) {
            if (s.label().equals("positive")) {
                positive = s.probability();
            } else if (s.label().equals("negative")) {
                negative = s.probability();
            }
        }
        SentimentLabel label = switch (p.best().label()) {
            case "positive" -> SentimentLabel.POSITIVE;
            case "negative" -> SentimentLabel.NEGATIVE;
            default -> SentimentLabel.NEUTRAL;
        };
        boolean cue = hasAngerCue(text);
        if (cue || (label != SentimentLabel.POSITIVE && shouting(text))) {
            label = SentimentLabel.ANGRY;
            negative = Math.max(negative, 0.8);
            positive = Math.min(positive, 0.2);
        }
        return new Sentiment(label, Math.max(-1.0, Math.min(1.0, positive - negative)));
    }

    boolean hasAngerCue(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String cue : angerCues) {
            int at = lower.indexOf(cue);
            while (at >= 0) {
                // An English cue must be a whole word: "sue" is not in "issue", "liar" not in "familiar".
                if (!asciiWord(cue) || (!letterAt(lower, at - 1) && !letterAt(lower, at + cue.length()))) {
                    return true;
                }
                at = lower.indexOf(cue, at + 1);
            }
        }
        return false;
    }

    private static boolean asciiWord(String cue) {
        return cue.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    }

    private static boolean letterAt(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetter(text.charAt(index));
    }

    /** Three or more exclamation marks, or mostly capital letters in a message of some length. */
    static boolean shouting(String text) {
        long bangs = text.chars().filter(c -> c == '!' || c == '！').count();
        long letters = text.chars().filter(Character::isLetter).filter(c -> c < 128).count();
        long capitals = text.chars().filter(c -> c >= 'A' && c <= 'Z').count();
        return bangs >= 3 || (letters >= 8 && capitals * 10 >= letters * 7);
    }
}
