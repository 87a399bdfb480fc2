package io.guanxi.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.engine.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.InputType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same table saved from Excel as .drl.xlsx compiles to the same rules and reports errors the same way. */
class SpreadsheetTableTest {

    private static final String CSV = "relationship-type.drl.csv";
    private static final String XLSX = "relationship-type.drl.xlsx";

    @TempDir
    Path dir;

    @Test
    void workbookGivesTheSameRulesAsTheCsv() throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        toWorkbook(null);
        RuleSet fromWorkbook = new RuleSetCompiler(DefaultRules.PINNED).compile(RuleSetSource.read(dir));
        assertEquals(DefaultRules.ruleSet().ruleCount(), fromWorkbook.ruleCount());
        String csvDrl = DecisionTable.translate(CSV, new RuleFile(CSV, Files.readAllBytes(Path.of("rules", CSV)))).drl();
        String xlsxDrl = DecisionTable.translate(XLSX, new RuleFile(XLSX, Files.readAllBytes(dir.resolve(XLSX)))).drl();
        assertEquals(csvDrl, xlsxDrl);
    }

    @Test
    void badCellInAWorkbookNamesTheFileRowAndCell() throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        toWorkbook("LOTS");
        List<String> errors = assertThrows(RuleSetException.class,
                () -> new RuleSetCompiler(DefaultRules.PINNED).compile(RuleSetSource.read(dir))).errors();
        assertEquals(List.of(dir.resolve(XLSX) + ":15: cell B15 (How many customers of this kind (segment size)):"
                + " LOTS is not one of FEW, MEDIUM, MANY"), errors);
    }

    /** Replaces the CSV by a workbook of the same cells; B15 becomes {@code b15} when given. */
    private void toWorkbook(String b15) throws IOException {
        DecisionTableCells cells = new DecisionTableCells();
        InputType.CSV.createParser(cells).parseFile(new ByteArrayInputStream(Files.readAllBytes(dir.resolve(CSV))));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve(XLSX))) {
            Sheet sheet = workbook.createSheet("Kotler matrix");
            for (int r = 0; r <= cells.lastRow(); r++) {
                Row row = sheet.createRow(r);
                for (int c : cells.filledColumns(r)) {
                    row.createCell(c).setCellValue(r == 14 && c == 1 && b15 != null ? b15 : cells.value(r, c));
                }
            }
            workbook.write(out);
        }
        Files.delete(dir.resolve(CSV));
    }
}
