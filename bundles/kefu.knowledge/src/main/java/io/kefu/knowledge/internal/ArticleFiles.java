package io.kefu.knowledge.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.knowledge.internal.KnowledgeService.ImportRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Articles as files analysts exchange with spreadsheets and other systems, in and out.
 *
 * <p>CSV has a header row naming its columns: {@value #CSV_HEADER}; alternatives and tags are separated by '|'
 * inside their cell. JSON is an array of objects with the fields of {@link KnowledgeArticle}. Reading checks every
 * row and reports each problem with its line, so that one import can be fixed in one go; what an export writes
 * imports again unchanged.
 */
final class ArticleFiles {
    static final String CSV_HEADER = "id,language,question,alternative_questions,answer,tags,status";
    static final List<String> CSV_COLUMNS = List.of(CSV_HEADER.split(","));
    private static final Set<String> REQUIRED_CSV_COLUMNS = Set.of("language", "question", "answer");
    private static final Set<String> JSON_FIELDS = Set.of("id", "language", "question", "alternativeQuestions",
            "answer", "tags", "status");
    /** Written by export, ignored by import: the database decides versions and times. */
    private static final Set<String> JSON_EXPORT_ONLY_FIELDS = Set.of("version", "updatedAt");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,35}");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\|");

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArticleFiles() {
    }

    /** The rows of an import file, checked; it may be saved only when {@code errors} is empty. */
    record Parsed(List<ImportRow> rows, List<RowError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** More rows than an import may hold. */
    static final class TooManyRows extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRows(int most) {
            super("an import holds at most " + most + " articles");
        }
    }

    // ---- CSV ----

    static Parsed readCsv(byte[] file, int mostRows) {
        List<ImportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (JsonParser parser = CSV.getFactory().createParser(withoutByteOrderMark(file))) {
            ((CsvParser) parser).enable(CsvParser.Feature.WRAP_AS_ARRAY);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                errors.add(new RowError(1, "file", "empty: the first line must name the columns: " + CSV_HEADER));
                return new Parsed(rows, errors);
            }
            Map<String, Integer> columns = null;
            int count = 0;
            for (List<Cell> record = nextRecord(parser); record != null; record = nextRecord(parser)) {
                if (record.stream().allMatch(cell -> cell.text().isBlank())) {
                    continue;
                }
                int line = record.get(0).line();
                if (columns == null) {
                    columns = header(record, errors);
                    if (columns == null) {
                        return new Parsed(rows, errors);
                    }
                    continue;
                }
                if (++count > mostRows) {
                    throw new TooManyRows(mostRows);
                }
                if (record.size() > columns.size()) {
                    errors.add(new RowError(line, "row", "has " + record.size() + " cells but the header names "
                            + columns.size() + " columns"));
                    continue;
                }
                ImportRow row = check(line, cell(record, columns, "id"), cell(record, columns, "language"),
                        cell(record, columns, "question"), split(cell(record, columns, "alternative_questions")),
                        cell(record, columns, "answer"), split(cell(record, columns, "tags")),
                        cell(record, columns, "status"), "alternative_questions", errors, ids);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (columns == null) {
                errors.add(new RowError(1, "file", "empty: the first line must name the columns: " + CSV_HEADER));
            }
        } catch (JsonProcessingException e) {
            errors.add(new RowError(lineOf(e.getLocation()), "file", "not valid CSV: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an upload held in memory failed", e);
        }
        return new Parsed(rows, errors);
    }

    private record Cell(String text, int line) {
    }

    /** The cells of the next CSV record with the line each starts on, or null at the end of the file. */
    private static List<Cell> nextRecord(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            return null;
        }
        List<Cell> cells = new ArrayList<>();
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            cells.add(new Cell(parser.getText(), lineOf(parser.currentTokenLocation())));
        }
        if (cells.isEmpty()) {
            cells.add(new Cell("", lineOf(parser.currentTokenLocation())));
        }
        return cells;
    }

    private static Map<String, Integer> header(List<Cell> record, List<RowError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        int line = record.get(0).line();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).text().strip().toLowerCase(Locale.ROOT);
            if (!CSV_COLUMNS.contains(name)) {
                errors.add(new RowError(line, "header", "unknown column '" + record.get(i).text()
                        + "'; the columns are " + CSV_HEADER));
            } else if (columns.put(name, i) != null) {
                errors.add(new RowError(line, "header", "column '" + name + "' appears twice"));
            }
        }
        for (String required : REQUIRED_CSV_COLUMNS) {
            if (!columns.containsKey(required)) {
                errors.add(new RowError(line, "header", "missing column '" + required + "'"));
            }
        }
        return errors.isEmpty() ? columns : null;
    }

    private static String cell(List<Cell> record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= record.size() ? null : record.get(index).text();
    }

    private static List<String> split(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.asList(LIST_SPLIT.split(cell, -1));
    }

    static byte[] writeCsv(List<KnowledgeArticle> articles) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        List<String[]> rows = new ArrayList<>();
        for (KnowledgeArticle article : articles) {
            rows.add(new String[] {article.id(), article.language().getLanguage(), article.question(),
                    String.join(ArticleContent.LIST_SEPARATOR, article.alternativeQuestions()), article.answer(),
                    String.join(ArticleContent.LIST_SEPARATOR, article.tags()), article.status().name()});
        }
        try {
            return CSV.writer(schema.build()).writeValueAsBytes(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always make CSV", e);
        }
    }

    // ---- JSON ----

    static Parsed readJson(byte[] file, int mostRows) {
        List<ImportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (JsonParser parser = JSON.getFactory().createParser(withoutByteOrderMark(file))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                errors.add(new RowError(lineOf(parser.currentTokenLocation()), "file",
                        "must be a JSON array of articles"));
                return new Parsed(rows, errors);
            }
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = lineOf(parser.currentTokenLocation());
                JsonNode node = JSON.readTree(parser);
                if (++count > mostRows) {
                    throw new TooManyRows(mostRows);
                }
                if (!(node instanceof ObjectNode article)) {
                    errors.add(new RowError(line, "article", "each entry must be an object"));
                    continue;
                }
                int before = errors.size();
                for (Iterator<String> names = article.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (!JSON_FIELDS.contains(name) && !JSON_EXPORT_ONLY_FIELDS.contains(name)) {
                        errors.add(new RowError(line, name, "unknown field; the fields are " + JSON_FIELDS));
                    }
                }
                String id = text(article, "id", line, errors);
                String language = text(article, "language", line, errors);
                String question = text(article, "question", line, errors);
                List<String> alternatives = texts(article, "alternativeQuestions", line, errors);
                String answer = text(article, "answer", line, errors);
                List<String> tags = texts(article, "tags", line, errors);
                String status = text(article, "status", line, errors);
                if (errors.size() > before) {
                    continue;
                }
                ImportRow row = check(line, id, language, question, alternatives, answer, tags, status,
                        "alternativeQuestions", errors, ids);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (parser.nextToken() != null) {
                errors.add(new RowError(lineOf(parser.currentTokenLocation()), "file", "text after the array"));
            }
        } catch (JsonProcessingException e) {
            errors.add(new RowError(lineOf(e.getLocation()), "file", "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an upload held in memory failed", e);
        }
        return new Parsed(rows, errors);
    }

    private static String text(ObjectNode article, String field, int line, List<RowError> errors) {
        JsonNode value = article.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new RowError(line, field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static List<String> texts(ObjectNode article, String field, int line, List<RowError> errors) {
        JsonNode value = article.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        if (value instanceof ArrayNode array) {
            for (JsonNode item : array) {
                if (!item.isTextual()) {
                    errors.add(new RowError(line, field, "must be an array of strings"));
                    return List.of();
                }
                texts.add(item.textValue());
            }
            return texts;
        }
        errors.add(new RowError(line, field, "must be an array of strings"));
        return List.of();
    }

    static byte[] writeJson(List<KnowledgeArticle> articles) {
        ArrayNode array = JSON.createArrayNode();
        for (KnowledgeArticle article : articles) {
            ObjectNode node = array.addObject();
            node.put("id", article.id());
            node.put("language", article.language().getLanguage());
            node.put("question", article.question());
            article.alternativeQuestions().forEach(node.putArray("alternativeQuestions")::add);
            node.put("answer", article.answer());
            article.tags().forEach(node.putArray("tags")::add);
            node.put("status", article.status().name());
            node.put("version", article.version());
            node.put("updatedAt", article.updatedAt() == null ? null : article.updatedAt().toString());
        }
        try {
            return JSON.writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }

    // ---- both ----

    /** One row's values checked as an article would be; null with errors added when the row cannot be imported. */
    private static ImportRow check(int line, String id, String language, String question, List<String> alternatives,
            String answer, List<String> tags, String status, String alternativesField, List<RowError> errors,
            Set<String> idsSeen) {
        List<FieldError> problems = new ArrayList<>();
        String articleId = id == null || id.isBlank() ? null : id.strip();
        if (articleId != null && !ID.matcher(articleId).matches()) {
            problems.add(new FieldError("id", "1-36 letters, digits, '.', '_' or '-', starting with a letter or"
                    + " digit"));
        } else if (articleId != null && !idsSeen.add(articleId.toLowerCase(Locale.ROOT))) {
            // MariaDB compares ids without case: FAQ-1 and faq-1 would be one article there.
            problems.add(new FieldError("id", "appears in an earlier row of this file"));
        }
        ArticleStatus articleStatus = status == null || status.isBlank() ? ArticleStatus.DRAFT
                : ArticleContent.status(status);
        if (articleStatus == null) {
            problems.add(new FieldError("status", "must be DRAFT, PUBLISHED or ARCHIVED, not '" + status + "'"));
        }
        ArticleContent content = ArticleContent.check(language, question, alternatives, answer, tags, problems);
        for (FieldError problem : problems) {
            String field = problem.field().equals("alternativeQuestions") ? alternativesField : problem.field();
            errors.add(new RowError(line, field, problem.message()));
        }
        return problems.isEmpty() ? new ImportRow(line, articleId, content, articleStatus) : null;
    }

    private static byte[] withoutByteOrderMark(byte[] file) {
        // Spreadsheets save UTF-8 CSV with a byte order mark; it is not part of the first column's name.
        if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
            return Arrays.copyOfRange(file, 3, file.length);
        }
        return file;
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 0 : Math.max(1, location.getLineNr());
    }
}
