// metrics.csv parsing: a hand-written file read back value by value, the header check, a malformed
// line reported with its line number, and the last line a killed run leaves half-written.
package org.autogan4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.autogan4j.gan.Architecture;
import org.autogan4j.report.MetricsCsv.Event;
import org.autogan4j.report.MetricsCsv.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    static final String HEADER = "time_s,iteration,stage,event,d_step,d_loss,g_loss,reward,baseline,entropy,arch\n";
    static final String BODY = "12.5,0,0,shared,40,1.25,-0.5,,,,\n"
            + "30,0,0,reset,2600,,,,,,\n"
            + "31.75,0,0,controller,,,,3.5,3.25,4.125,1-0-1-1-0-0-0-0-0-0-0-0-0-0\n"
            + "40,0,0,iteration,2600,,,3.5,,,\n"
            + "50,14,0,grow,,,,2.75,,,0-2-2-0-0-0-0-0-0-0-0-0-0-0\n"
            + "60,64,2,final,,,,7.125,,,1-0-1-1-1-0-0-1-1-1-0-1-0-3\n";

    @TempDir
    Path dir;

    @Test
    void handWrittenFileReadsBackEveryValue() throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, HEADER + BODY);
        List<Row> rows = MetricsCsv.read(file);
        assertEquals(6, rows.size());
        Row shared = rows.get(0);
        assertEquals(12.5, shared.timeS());
        assertEquals(0, shared.iteration());
        assertEquals(0, shared.stage());
        assertEquals(Event.SHARED, shared.event());
        assertEquals(40, shared.dStep());
        assertEquals(1.25, shared.dLoss());
        assertEquals(-0.5, shared.gLoss());
        assertTrue(Double.isNaN(shared.reward()));
        assertTrue(Double.isNaN(shared.entropy()));
        assertNull(shared.arch());
        assertEquals(Event.RESET, rows.get(1).event());
        assertEquals(2600, rows.get(1).dStep());
        Row controller = rows.get(2);
        assertEquals(-1, controller.dStep());
        assertEquals(3.5, controller.reward());
        assertEquals(3.25, controller.baseline());
        assertEquals(4.125, controller.entropy());
        assertEquals(Architecture.of(1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), controller.arch());
        assertEquals(Event.ITERATION, rows.get(3).event());
        assertEquals(Event.GROW, rows.get(4).event());
        assertEquals(14, rows.get(4).iteration());
        assertEquals(Architecture.TOP1, rows.get(5).arch());
        assertEquals(2, rows.get(5).stage());
        assertEquals(7.125, rows.get(5).reward());
    }

    @Test
    void rewardKindIsReadAndOldFilesReadAsInceptionScore() {
        String text = MetricsCsv.HEADER + "\n12.5,0,0,shared,40,1.25,-0.5,,,,,\n"
                + "31.75,0,0,controller,,,,-2.5,-2.25,4.125,1-0-1-1-0-0-0-0-0-0-0-0-0-0,fid-0.5*params\n";
        List<Row> rows = MetricsCsv.parse(text, "m.csv");
        assertNull(rows.get(0).rewardKind());
        assertEquals("fid-0.5*params", rows.get(1).rewardKind());
        assertEquals(-2.5, rows.get(1).reward());
        List<Row> old = MetricsCsv.parse(HEADER + BODY, "m.csv");
        assertNull(old.get(0).rewardKind(), "a shared row has no reward");
        assertEquals("is", old.get(2).rewardKind(), "before reward_kind every reward was the IS");
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> MetricsCsv.parse(MetricsCsv.HEADER + "\n" + BODY, "m.csv"));
        assertTrue(mixed.getMessage().contains("expected 12 comma-separated fields, got 11"), mixed.getMessage());
    }

    @Test
    void crlfLineEndingsAreRead() {
        List<Row> rows = MetricsCsv.parse((HEADER + BODY).replace("\n", "\r\n"), "m.csv");
        assertEquals(6, rows.size());
        assertEquals(Architecture.TOP1, rows.get(5).arch());
    }

    @Test
    void wrongHeaderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricsCsv.parse("time,iteration\n" + BODY, "m.csv"));
        assertTrue(e.getMessage().contains("m.csv line 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricsCsv.parse("", "m.csv"));
    }

    @Test
    void malformedLineNamesItsLineNumber() {
        String[] bad = {"31,0,0,controller,,,,3.5,3.25,4.1\n", "31,0,0,controller,,,,x,3.25,4.1,\n",
            "31,0,0,explode,,,,,,,\n", "31,0,0,controller,,,,3.5,,,1-0-1\n", "31,0,9,shared,,,,,,,\n",
            ",0,0,shared,,,,,,,\n", "31,0,0,controller,,,,3.5,,,1-0-1-1-0-0-0-0-0-0-0-0-0-7\n"};
        for (String line : bad) {
            String text = HEADER + "12.5,0,0,shared,40,1.25,-0.5,,,,\n" + line + "40,0,0,iteration,2600,,,3.5,,,\n";
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MetricsCsv.parse(text, "run/metrics.csv"), line);
            assertTrue(e.getMessage().startsWith("run/metrics.csv line 3: "), e.getMessage());
        }
    }

    @Test
    void truncatedLastLineIsIgnoredOnlyWhenItLacksTheNewline() {
        String cut = "31.75,0,0,controller,,,,3.5,3.25,4.125,1-0-1-1-0-0-0";
        List<Row> rows = MetricsCsv.parse(HEADER + BODY + cut, "m.csv");
        assertEquals(6, rows.size(), "the half-written last line is dropped");
        assertThrows(IllegalArgumentException.class, () -> MetricsCsv.parse(HEADER + BODY + cut + "\n", "m.csv"),
                "a complete (newline-ended) malformed last line is an error");
        assertThrows(IllegalArgumentException.class, () -> MetricsCsv.parse(HEADER + cut + "\n" + BODY, "m.csv"),
                "a malformed line in the middle is an error");
        List<Row> whole = MetricsCsv.parse(HEADER + BODY + "70,64,2,iteration,9000,,,6.5,,,", "m.csv");
        assertEquals(7, whole.size(), "a last line without newline that parses is kept");
        assertEquals(9000, whole.get(6).dStep());
        assertEquals(0, MetricsCsv.parse(HEADER, "m.csv").size());
    }
}
