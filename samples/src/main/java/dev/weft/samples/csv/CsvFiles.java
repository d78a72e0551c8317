package dev.weft.samples.csv;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files bundled with the samples: the port of {@code pd.read_csv(path, sep=';')}.
 * The notebook read {@code D:/data/csv/adult.csv}; the samples carry that file as a resource and
 * look it up by its file name, so the cells keep the notebook's path.
 *
 * <pre>{@code
 * CsvTable adult = CsvFiles.read("D:/data/csv/adult.csv", ';');
 * adult.rows().size();   // 10
 * }</pre>
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /**
     * Reads a bundled CSV file.
     *
     * @param path a path whose file name is a bundled file, such as {@code D:/data/csv/adult.csv}
     * @param separator the field separator ({@code sep})
     * @return the table
     * @throws FileNotFoundException if no file of that name is bundled, as {@code read_csv} fails on
     *     a missing file
     * @throws IOException if the file cannot be read or parsed
     */
    public static CsvTable read(String path, char separator) throws IOException {
        String fileName = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        InputStream in = CsvFiles.class.getResourceAsStream(fileName);
        if (in == null || fileName.isEmpty()) {
            throw new FileNotFoundException("[Errno 2] No such file or directory: '" + path + "'");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, separator);
        }
    }

    /**
     * Parses CSV text whose first record is the header.
     *
     * @param reader the text
     * @param separator the field separator
     * @return the table
     * @throws IOException if the text cannot be read or parsed
     */
    public static CsvTable parse(Reader reader, char separator) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList();
                } else {
                    rows.add(record.toList());
                }
            }
        }
        if (header == null) {
            throw new IOException("empty CSV: no header");
        }
        return new CsvTable(header, rows);
    }
}
