package io.guanxi.rules.compile;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.SegmentSize;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.engine.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kotler's matrix is the decision table relationship-type.drl.csv: a table with a bad cell is
 * rejected with the file, row and cell named, and never compiles into rules that answer wrongly.
 */
class DecisionTableTest {

    private static final String TABLE = "relationship-type.drl.csv";
    private static final String FIRST_ROW = "\"TYPE-101 many customers, LOW margin -> BASIC\",MANY,LOW,BASIC,450";

    @TempDir
    Path dir;

    @Test
    void shippedTableGivesTheDomainTypeForEveryCellWithItsStableRuleName() throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        RuleSet rules = compile();
        String[][] matrix = {
            {"MANY", "BASIC", "REACTIVE", "ACCOUNTABLE"},
            {"MEDIUM", "REACTIVE", "ACCOUNTABLE", "PROACTIVE"},
            {"FEW", "ACCOUNTABLE", "PROACTIVE", "PARTNERSHIP"}};
        String[] margins = {"0.05", "0.15", "0.35"};
        int id = 101;
        for (String[] row : matrix) {
            for (int m = 0; m < margins.length; m++, id++) {
                var advice = rules.evaluate(customer().segmentSize(SegmentSize.valueOf(row[0]))
                        .profitMargin(d(margins[m])).build(), StoredRelationship.none());
                assertEquals(RelationshipType.valueOf(row[m + 1]), advice.relationshipType(), row[0] + " x " + margins[m]);
                String cited = "TYPE-" + id + " ";
                assertTrue(advice.firedRules().stream().anyMatch(r -> r.startsWith(cited)), cited + advice.firedRules());
            }
        }
    }

    @Test
    void tableRulesRunAfterTheMarginBandAndBeforeTheOverrides() throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        String drl = DecisionTable.translate(TABLE, new RuleFile(TABLE, Files.readAllBytes(dir.resolve(TABLE)))).drl();
        assertEquals(9, drl.split("\n\tsalience 450\n", -1).length - 1, drl);
    }

    @Test
    void unknownSegmentSizeNamesTheFileRowAndCell() throws IOException {
        List<String> errors = rejectedWith(FIRST_ROW, FIRST_ROW.replace("MANY,LOW", "LOTS,LOW"));
        assertEquals(List.of(table() + ":15: cell B15 (How many customers of this kind (segment size)):"
                + " LOTS is not one of FEW, MEDIUM, MANY"), errors);
    }

    @Test
    void numberInTheRelationshipTypeCellNamesTheCell() throws IOException {
        List<String> errors = rejectedWith(FIRST_ROW, FIRST_ROW.replace("BASIC,450", "0.5,450"));
        assertEquals(List.of(table() + ":15: cell D15 (Relationship type to build): 0.5 is not one of"
                + " BASIC, REACTIVE, ACCOUNTABLE, PROACTIVE, PARTNERSHIP"), errors);
    }

    @Test
    void emptyConditionCellIsRejectedRatherThanMatchingEveryMargin() throws IOException {
        List<String> errors = rejectedWith(FIRST_ROW, FIRST_ROW.replace("MANY,LOW", "MANY,"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(table() + ":15: cell C15 (Margin level): the cell is empty"), errors.toString());
    }

    @Test
    void emptyNameCellIsRejectedSoEveryRuleKeepsItsId() throws IOException {
        List<String> errors = rejectedWith(FIRST_ROW, ",MANY,LOW,BASIC,450");
        assertTrue(errors.get(0).startsWith(table() + ":15: cell A15 (Rule (stable id and name)): the cell is empty"),
                errors.toString());
    }

    @Test
    void priorityThatIsNotANumberNamesTheCell() throws IOException {
        List<String> errors = rejectedWith(FIRST_ROW, FIRST_ROW.replace(",450", ",high"));
        assertEquals(List.of(table() + ":15: cell E15 (Order (salience)): Priority is not an integer literal"), errors);
    }

    @Test
    void rowBelowABlankRowIsRejectedRatherThanIgnored() throws IOException {
        String last = "\"TYPE-109 few customers, HIGH margin -> PARTNERSHIP\",FEW,HIGH,PARTNERSHIP,450\n";
        List<String> errors = rejectedWith(last, last + ",,,,\n\"TYPE-110 few, HIGH -> BASIC\",FEW,HIGH,BASIC,450\n");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(table() + ":25: row 25 is below the end of table Kotler matrix"), errors.toString());
    }

    @Test
    void repeatedCellOfTheMatrixIsRejected() throws IOException {
        List<String> errors = rejectedWith("MANY,MEDIUM,REACTIVE", "MANY,LOW,REACTIVE");
        assertEquals(List.of(table() + ":16: row 16 repeats the conditions of row 15 (MANY, LOW):"
                + " each combination may appear once"), errors);
    }

    @Test
    void droolsErrorInTheGeneratedRuleIsReportedAtTheTableCell() throws IOException {
        List<String> errors = rejectedWith("level == MarginLevel.$param", "levle == MarginLevel.$param");
        assertEquals(9 * 2, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(table() + ":15: cell C15 (Margin level): ")
                && e.contains("levle")), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.matches("\\Q" + table() + "\\E:(1[5-9]|2[0-3]): cell C\\1 .*")),
                errors.toString());
    }

    @Test
    void duplicateRuleNameIsReportedAtTheNameCell() throws IOException {
        List<String> errors = rejectedWith("\"TYPE-102 many customers, MEDIUM margin -> REACTIVE\"",
                "\"TYPE-101 many customers, LOW margin -> BASIC\"");
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(table() + ":16: cell A16 (Rule (stable id and name)): ")
                && e.contains("Duplicate rule name")), errors.toString());
    }

    @Test
    void brokenTableLeavesTheGoodRuleSetAsItWas() throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        RuleSet good = compile();
        edit(FIRST_ROW, FIRST_ROW.replace("MANY,LOW", "LOTS,LOW"));
        assertThrows(RuleSetException.class, this::compile);
        assertEquals(RelationshipType.BASIC, good.evaluate(customer().segmentSize(SegmentSize.MANY)
                .profitMargin(d("0.05")).build(), StoredRelationship.none()).relationshipType());
    }

    private List<String> rejectedWith(String text, String replacement) throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        edit(text, replacement);
        return assertThrows(RuleSetException.class, this::compile).errors();
    }

    private void edit(String text, String replacement) throws IOException {
        Path csv = dir.resolve(TABLE);
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals(content.indexOf(text), content.lastIndexOf(text), "ambiguous: " + text);
        assertTrue(content.contains(text), "not found: " + text);
        Files.writeString(csv, content.replace(text, replacement), StandardCharsets.UTF_8);
    }

    private RuleSet compile() {
        return new RuleSetCompiler(DefaultRules.PINNED).compile(RuleSetSource.read(dir));
    }

    private String table() {
        return dir.resolve(TABLE).toString();
    }
}
