// Architecture: parsing and printing the 14-int string, decoding cells (skip bits as spec 1.2),
// and the validation messages naming the bad position and its legal range.
package org.autogan4j.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogan4j.gan.CellChoice.Conv;
import org.autogan4j.gan.CellChoice.Norm;
import org.autogan4j.gan.CellChoice.Up;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void parsesAndPrintsTop1() {
        Architecture a = Architecture.parse(" [1, 0,1,1,1,0,0,1,1,1,0,1,0,3] ");
        assertEquals("1,0,1,1,1,0,0,1,1,1,0,1,0,3", a.toString());
        assertEquals(Architecture.TOP1, a);
        assertArrayEquals(new int[] {1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 3}, a.codes());
    }

    @Test
    void decodesTop1AsSpec18() {
        CellChoice c1 = Architecture.TOP1.cell(1);
        assertEquals(new CellChoice(Conv.PRE, Norm.NONE, Up.NEAREST, true, new boolean[0]), c1);
        CellChoice c2 = Architecture.TOP1.cell(2);
        assertEquals(new CellChoice(Conv.PRE, Norm.NONE, Up.BILINEAR, true, new boolean[] {true}), c2);
        CellChoice c3 = Architecture.TOP1.cell(3);
        assertEquals(new CellChoice(Conv.PRE, Norm.NONE, Up.NEAREST, false, new boolean[] {true, true}), c3);
        assertEquals("pre, norm none, up nearest, shortcut off, skips cell1+cell2", c3.toString());
    }

    @Test
    void skipBitsLeastSignificantIsTheMostRecentCell() {
        assertArrayEquals(new boolean[] {false, true}, Architecture.parse("0,0,0,0,0,0,0,0,0,0,0,0,0,1").cell(3)
                .skipFrom());
        assertArrayEquals(new boolean[] {true, false}, Architecture.parse("0,0,0,0,0,0,0,0,0,0,0,0,0,2").cell(3)
                .skipFrom());
        assertArrayEquals(new boolean[] {false}, Architecture.parse("0,0,0,0,0,0,0,0,0,0,0,0,0,0").cell(2)
                .skipFrom());
    }

    @Test
    void badPositionsAreNamedWithTheirRange() {
        assertMessage("1,0,3,1,1,0,0,1,1,1,0,1,0,3", "position 2 (cell 1 U) is 3 but must be in 0..2");
        assertMessage("1,0,1,1,1,0,0,1,2,1,0,1,0,3", "position 8 (cell 2 skip) is 2 but must be in 0..1");
        assertMessage("1,0,1,1,1,0,0,1,1,1,0,1,0,4", "position 13 (cell 3 skip) is 4 but must be in 0..3");
        assertMessage("1,0,1,1,1,0,0,1,1,2,0,1,0,3", "position 9 (cell 3 C) is 2 but must be in 0..1");
        assertMessage("1,-1,1,1,1,0,0,1,1,1,0,1,0,3", "position 1 (cell 1 N) is -1 but must be in 0..2");
        assertMessage("1,0,1", "has 14 ints");
        assertMessage("1,0,x,1,1,0,0,1,1,1,0,1,0,3", "position 2 is \"x\", not an integer");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
