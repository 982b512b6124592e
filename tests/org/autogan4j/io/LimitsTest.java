// Limits: sizes multiply without overflow (saturating above any limit), sizes read as people read
// them, an allocation beyond one Java array or the free heap is refused through the reader's own
// exception, and bounded reads stop one byte past what the header justified.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class LimitsTest {
    private static final Limits.Refusal<BadFileException> REFUSE = problem -> new BadFileException("f.bin", problem);

    @Test
    void productSaturatesInsteadOfOverflowing() {
        assertEquals(24, Limits.product(2, 3, 4));
        assertEquals(0, Limits.product(0, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, Limits.product(1L << 32, 1L << 32));
        assertEquals(Long.MAX_VALUE, Limits.product(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Limits.product(2, -1));
    }

    @Test
    void sizesForPeople() {
        assertEquals("36 bytes", Limits.size(36));
        assertEquals("16.0 MiB (16777216 bytes)", Limits.size(16 << 20));
        assertEquals("1.5 GiB (1610612736 bytes)", Limits.size(3L << 29));
        assertEquals("more than 8 EiB", Limits.size(Long.MAX_VALUE));
    }

    @Test
    void allocationsBeyondAnArrayOrTheHeapAreRefused() throws IOException {
        Limits.checkAllocation(1 << 20, 4, "a small tensor", REFUSE);
        BadFileException array = assertThrows(BadFileException.class,
                () -> Limits.checkAllocation(1L << 31, 1, "the pixels", REFUSE));
        assertEquals("f.bin: the pixels would need 2147483648 elements of 1 byte(s), more than one Java array holds "
                + "(2147483639)", array.getMessage());
        int elementBytes = (int) (Runtime.getRuntime().maxMemory() >> 30) * 2 + 2;
        BadFileException heap = assertThrows(BadFileException.class,
                () -> Limits.checkAllocation(1 << 30, elementBytes, "the values", REFUSE));
        assertTrue(heap.getMessage().startsWith("f.bin: the values need ") && heap.getMessage().contains("-Xmx"),
                heap.getMessage());
    }

    @Test
    void boundedReadsStopOneBytePastTheLimit() throws IOException {
        CountingStream endless = new CountingStream();
        BadFileException e = assertThrows(BadFileException.class,
                () -> Limits.readAtMost(endless, 1000, "data.pkl", REFUSE));
        assertEquals("f.bin: data.pkl is larger than 1000 bytes, the most autogan4j reads", e.getMessage());
        assertEquals(1001, endless.read, "bytes read from an endless stream");
        assertArrayEquals(new byte[] {1, 2}, Limits.readAtMost(new ByteArrayInputStream(new byte[] {1, 2}), 2, "x",
                REFUSE));
        BadFileException cut = assertThrows(BadFileException.class, () -> Limits.readExactly(
                new ByteArrayInputStream(new byte[3]), 4, "the header", REFUSE));
        assertEquals("f.bin: truncated: it ends after 3 of the 4 bytes of the header", cut.getMessage());
        BadFileException more = assertThrows(BadFileException.class, () -> Limits.expectEnd(
                new ByteArrayInputStream(new byte[1]), "its shape needs", REFUSE));
        assertTrue(more.getMessage().contains("holds more bytes than its shape needs"), more.getMessage());
    }

    /** An endless stream of zeros that counts the bytes taken from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }
}
