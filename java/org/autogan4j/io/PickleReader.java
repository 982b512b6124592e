// A safe subset of Python's pickle virtual machine, just enough for the state_dicts torch.save
// writes (protocol 2, and the framing opcodes of 4): dicts, lists, tuples, strings, numbers,
// OrderedDict, tensors and their storage references. Globals come from a fixed allow-list and
// REDUCE calls only those, building plain Java values: loading never runs code. Any other opcode
// or global is refused by name. One instance reads one pickle from a buffer's current position.
package org.autogan4j.io;

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
import java.util.Set;

final class PickleReader {
    /** A storage named by BINPERSID: ('storage', storage type, key, location, numel[, view]). */
    record StorageRef(PthDtype dtype, String key, long numel) {
    }

    /** torch._utils._rebuild_tensor_v2(storage, storageOffset, shape, strides, ...). */
    record TensorRef(StorageRef storage, long storageOffset, long[] shape, long[] strides) {
    }

    /** An allow-listed global: a callable for REDUCE or a storage type inside a BINPERSID id. */
    private record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    private static final String REFUSAL = ": .pth files may only hold tensors";
    private static final Set<String> CALLABLES = Set.of("collections.OrderedDict",
            "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter");

    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private PickleReader(ByteBuffer in) {
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Runs the pickle at in's position up to its STOP and returns the value; in ends after STOP. */
    static Object read(ByteBuffer in) throws PickleException {
        try {
            return new PickleReader(in).run();
        } catch (BufferUnderflowException e) {
            throw new PickleException("the pickle is truncated (it ends before its STOP opcode)");
        } catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new PickleException("the pickle is malformed (" + e.getMessage() + ")");
        }
    }

    private Object run() throws PickleException {
        while (true) {
            int opcode = in.get() & 0xff;
            switch (opcode) {
                case 0x80 -> in.get();
                case 0x95 -> in.getLong();
                case '}' -> push(new LinkedHashMap<Object, Object>());
                case ']' -> push(new ArrayList<>());
                case ')' -> push(List.of());
                case '(' -> marks.add(stack.size());
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
                case 'q' -> memo.put((long) (in.get() & 0xff), top());
                case 'r' -> memo.put(in.getInt() & 0xffffffffL, top());
                case 0x94 -> memo.put((long) memo.size(), top());
                case 'h' -> push(memoGet(in.get() & 0xff));
                case 'j' -> push(memoGet(in.getInt() & 0xffffffffL));
                case 'c' -> push(global(line(), line()));
                case 0x93 -> {
                    List<Object> names = popN(2);
                    push(global((String) names.get(0), (String) names.get(1)));
                }
                case 'R' -> {
                    List<Object> callAndArgs = popN(2);
                    push(reduce(callAndArgs.get(0), (List<?>) callAndArgs.get(1)));
                }
                case 'Q' -> push(storage(pop()));
                case 'b' -> build(popN(2));
                case '.' -> {
                    return pop();
                }
                default -> throw new PickleException(String.format("refusing pickle opcode 0x%02x%s", opcode,
                        REFUSAL));
            }
        }
    }

    private Object global(String module, String name) throws PickleException {
        Global global = new Global(module, name);
        if (CALLABLES.contains(global.toString()) || (module.equals("torch") && PthDtype.ofStorage(name) != null)) {
            return global;
        }
        throw new PickleException("refusing global " + global + REFUSAL);
    }

    private Object reduce(Object callable, List<?> args) throws PickleException {
        if (!(callable instanceof Global global) || !CALLABLES.contains(global.toString())) {
            throw new PickleException("refusing to call " + (callable instanceof Global ? callable : describe(callable))
                    + REFUSAL);
        }
        switch (global.name()) {
            case "OrderedDict" -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                if (!args.isEmpty()) {
                    for (Object pair : (List<?>) args.get(0)) {
                        dict.put(key(((List<?>) pair).get(0)), ((List<?>) pair).get(1));
                    }
                }
                return dict;
            }
            case "_rebuild_parameter" -> {
                return (TensorRef) args.get(0);
            }
            default -> {
                if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage)) {
                    throw new PickleException("_rebuild_tensor_v2 needs (storage, offset, shape, strides, ...), got "
                            + args.size() + " arguments");
                }
                return new TensorRef(storage, (Long) args.get(1), longs((List<?>) args.get(2)),
                        longs((List<?>) args.get(3)));
            }
        }
    }

    private StorageRef storage(Object pid) throws PickleException {
        List<?> id = pid instanceof List<?> list ? list : List.of();
        if (id.size() < 5 || !"storage".equals(id.get(0)) || !(id.get(1) instanceof Global type)) {
            throw new PickleException("refusing persistent id " + describe(pid) + " (not a torch storage)" + REFUSAL);
        }
        PthDtype dtype = PthDtype.ofStorage(type.name());
        if (dtype == null || !type.module().equals("torch")) {
            throw new PickleException("refusing storage type " + type + REFUSAL);
        }
        String key = (String) id.get(2);
        if (id.size() > 5 && id.get(5) != null) {
            throw new PickleException("storage " + key + " is a legacy storage view, which is not supported; "
                    + "re-save the file with torch.save in PyTorch >= 1.6");
        }
        long numel = (Long) id.get(4);
        if (numel < 0) {
            throw new PickleException("storage " + key + " claims " + numel + " elements");
        }
        return new StorageRef(dtype, key, numel);
    }

    private void build(List<Object> objectAndState) throws PickleException {
        if (!(objectAndState.get(0) instanceof Map<?, ?>)) {
            throw new PickleException("refusing BUILD on " + describe(objectAndState.get(0)) + REFUSAL);
        }
        push(objectAndState.get(0));
    }

    @SuppressWarnings("unchecked")
    private void setItems(List<Object> keysAndValues) throws PickleException {
        Map<Object, Object> dict = (Map<Object, Object>) top();
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
            dict.put(key(keysAndValues.get(i)), keysAndValues.get(i + 1));
        }
    }

    /** A dict key: a string or a number, as in every state_dict (a container key could be cyclic). */
    private static Object key(Object key) throws PickleException {
        if (key instanceof String || key instanceof Long || key instanceof Double || key instanceof Boolean) {
            return key;
        }
        throw new PickleException("refusing a dict key of type " + describe(key) + REFUSAL);
    }

    @SuppressWarnings("unchecked")
    private void append(List<Object> items) {
        ((List<Object>) top()).addAll(items);
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    private static long[] longs(List<?> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Long) values.get(i);
        }
        return out;
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

    private Object memoGet(long index) throws PickleException {
        if (!memo.containsKey(index)) {
            throw new PickleException("the pickle reads memo entry " + index + ", which was never stored");
        }
        return memo.get(index);
    }

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop() {
        return stack.remove(stack.size() - 1);
    }

    private Object top() {
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> tail = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return tail;
    }

    private List<Object> popMark() {
        int mark = marks.remove(marks.size() - 1);
        return popN(stack.size() - mark);
    }

    /** The kind of value, never its contents: a hostile pickle may nest a container in itself. */
    static String describe(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }

    /** A pickle this reader refuses or cannot parse; the caller adds the file name. */
    static final class PickleException extends Exception {
        private static final long serialVersionUID = 1L;

        PickleException(String message) {
            super(message);
        }
    }
}
