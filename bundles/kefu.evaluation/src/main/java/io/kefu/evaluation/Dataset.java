package io.kefu.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One split of a shared data set: UTF-8 TSV with a header row and no quoting (see the data sets' README). */
record Dataset(List<String> header, List<String[]> rows) {
    static Dataset read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return new Dataset(header, rows);
    }

    int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return i;
    }
}
