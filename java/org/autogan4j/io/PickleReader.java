// A safe subset of Python's pickle virtual machine, just enough for the state_dicts torch.save
// writes (protocol 2, and the framing opcodes of 4): dicts, lists, tuples, strings, numbers,
// OrderedDict, tensors and their storage references. Globals come from a fixed allow-list and
// REDUCE calls only those, building plain Java values: loading never runs code. Any other opcode
// or global is refused by name. One instance reads one pickle from a buffer's current position.
// It is a loop, not a recursion, and what it builds is bounded: at most Limits.PICKLE_VALUES pushed
// values and memo entries, and every opcode checks the kind of value it takes, so a hostile pickle
// gets a message naming the byte and the problem, never a ClassCastException or OutOfMemoryError.
package org.autogan4j.io;

import static org.autogan4j.io.PickleTorch.REFUSAL;
import static org.autogan4j.io.PickleTorch.as;
import static org.autogan4j.io.PickleTorch.describe;
import static org.autogan4j.io.PickleTorch.key;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class PickleReader {
    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int pushes;
    private int opcodeAt;

    private PickleReader(ByteBuffer in) {
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Runs the pickle at in's position up to its STOP and returns the value; in ends after STOP. */
    static Object read(ByteBuffer in) throws PickleException {
        PickleReader reader = new PickleReader(in);
        try {
            return reader.run();
        } catch (BufferUnderflowException e) {
            throw new PickleException("the pickle is truncated (it ends before its STOP opcode)");
        } catch (PickleException e) {
            throw new PickleException(e.getMessage() + " (pickle byte " + reader.opcodeAt + ")");
        }
    }

    private Object run() throws PickleException {
        while (true) {
            opcodeAt = in.position();
            int opcode = in.get() & 0xff;
            switch (opcode) {
                case 0x80 -> in.get();
                case 0x95 -> in.getLong();
                case '}' -> push(new LinkedHashMap<Object, Object>());
                case ']' -> push(new ArrayList<>());
                case ')' -> push(List.of());
                case '(' -> {
                    count();
                    marks.add(stack.size());
                }
                case 'X' -> push(string(in.getInt() & 0xffffffffL));
                case 0x8c -> push(string(in.get() & 0xff));
                case 0x8d -> push(string(in.getLong()));
                case 'J' -> push((long) in.getInt());
                case 'K' -> push((long) (in.get() & 0xff));
                case 'M' -> push((long) (in.getShort() & 0xffff));
                case 0x8a -> push(long1(in.get() & 0xff));
                case 'G' -> push(binfloat());
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 't' -> push(tuple(popMark()));
                case 0x85 -> push(tuple(popN(1)));
                case 0x86 -> push(tuple(popN(2)));
                case 0x87 -> push(tuple(popN(3)));
                case 's' -> setItems(popN(2));
                case 'u' -> setItems(popMark());
                case 'a' -> append(popN(1));
                case 'e' -> append(popMark());
                case 'q' -> memoPut(in.get() & 0xff);
                case 'r' -> memoPut(in.getInt() & 0xffffffffL);
                case 0x94 -> memoPut(memo.size());
                case 'h' -> push(memoGet(in.get() & 0xff));
                case 'j' -> push(memoGet(in.getInt() & 0xffffffffL));
                case 'c' -> push(PickleTorch.global(line(), line()));
                case 0x93 -> {
                    List<Object> names = popN(2);
                    push(PickleTorch.global(as(String.class, names.get(0), "STACK_GLOBAL's module"),
                            as(String.class, names.get(1), "STACK_GLOBAL's name")));
                }
                case 'R' -> {
                    List<Object> callAndArgs = popN(2);
                    push(PickleTorch.reduce(callAndArgs.get(0),
                            as(List.class, callAndArgs.get(1), "REDUCE's arguments")));
                }
                case 'Q' -> push(PickleTorch.storage(pop()));
                case 'b' -> build(popN(2));
                case '.' -> {
                    return pop();
                }
                default -> throw new PickleException(String.format("refusing pickle opcode 0x%02x%s", opcode,
                        REFUSAL));
            }
        }
    }

    private void build(List<Object> objectAndState) throws PickleException {
        if (!(objectAndState.get(0) instanceof Map<?, ?>)) {
            throw new PickleException("refusing BUILD on " + describe(objectAndState.get(0)) + REFUSAL);
        }
        push(objectAndState.get(0));
    }

    @SuppressWarnings("unchecked")
    private void setItems(List<Object> keysAndValues) throws PickleException {
        Map<Object, Object> dict = as(Map.class, top(), "SETITEM's target");
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
            dict.put(key(keysAndValues.get(i)), keysAndValues.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void append(List<Object> items) throws PickleException {
        as(ArrayList.class, top(), "APPEND's target (a list)").addAll(items);
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    private Object long1(int length) {
        byte[] littleEndian = new byte[length];
        in.get(littleEndian);
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < length; i++) {
            bigEndian[i] = littleEndian[length - 1 - i];
        }
        BigInteger value = length == 0 ? BigInteger.ZERO : new BigInteger(bigEndian);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private String string(long length) throws PickleException {
        if (length < 0 || length > in.remaining()) {
            throw new PickleException("a string of " + length + " bytes runs past the end of the pickle");
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String line() throws PickleException {
        int start = in.position();
        while (in.get() != '\n') {
            if (in.position() - start > 256) {
                throw new PickleException("a GLOBAL name is longer than 256 bytes");
            }
        }
        return new String(in.array(), in.arrayOffset() + start, in.position() - start - 1, StandardCharsets.UTF_8);
    }

    private double binfloat() {
        byte[] bigEndian = new byte[Double.BYTES];
        in.get(bigEndian);
        return ByteBuffer.wrap(bigEndian).getDouble();
    }

    private void memoPut(long index) throws PickleException {
        if (memo.size() >= Limits.PICKLE_VALUES && !memo.containsKey(index)) {
            throw new PickleException("the pickle stores more than " + Limits.PICKLE_VALUES + " memo entries, more "
                    + "than any state_dict needs");
        }
        memo.put(index, top());
    }

    private Object memoGet(long index) throws PickleException {
        if (!memo.containsKey(index)) {
            throw new PickleException("the pickle reads memo entry " + index + ", which was never stored");
        }
        return memo.get(index);
    }

    private void push(Object value) throws PickleException {
        count();
        stack.add(value);
    }

    private void count() throws PickleException {
        if (++pushes > Limits.PICKLE_VALUES) {
            throw new PickleException("the pickle builds more than " + Limits.PICKLE_VALUES + " values, more than "
                    + "any state_dict needs");
        }
    }

    private Object pop() throws PickleException {
        return popN(1).get(0);
    }

    private Object top() throws PickleException {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size())) {
            throw new PickleException("an opcode needs a value but the stack is empty");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) throws PickleException {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() - n < floor) {
            throw new PickleException("an opcode needs " + n + (n == 1 ? " value" : " values") + " but the stack holds "
                    + (stack.size() - floor) + (marks.isEmpty() ? "" : " above its last MARK"));
        }
        List<Object> tail = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return tail;
    }

    private List<Object> popMark() throws PickleException {
        if (marks.isEmpty()) {
            throw new PickleException("an opcode needs a MARK but none is open");
        }
        int mark = marks.remove(marks.size() - 1);
        return popN(stack.size() - mark);
    }
}
