// The allow-list of PickleReader: the only globals a .pth pickle may name (OrderedDict, the torch
// tensor and parameter rebuilders, the torch storage types), what REDUCE builds from each (plain
// Java values, never code), and the storage references of BINPERSID. Every argument's kind is
// checked, so a malformed call is a message naming what was expected, not a ClassCastException.
package org.autogan4j.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class PickleTorch {
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

    static final String REFUSAL = ": .pth files may only hold tensors";
    private static final Set<String> CALLABLES = Set.of("collections.OrderedDict",
            "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter");

    private PickleTorch() {
    }

    static Object global(String module, String name) throws PickleException {
        Global global = new Global(module, name);
        if (CALLABLES.contains(global.toString()) || (module.equals("torch") && PthDtype.ofStorage(name) != null)) {
            return global;
        }
        throw new PickleException("refusing global " + global + REFUSAL);
    }

    static Object reduce(Object callable, List<?> args) throws PickleException {
        if (!(callable instanceof Global global) || !CALLABLES.contains(global.toString())) {
            throw new PickleException("refusing to call " + (callable instanceof Global ? callable : describe(callable))
                    + REFUSAL);
        }
        switch (global.name()) {
            case "OrderedDict" -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                if (!args.isEmpty()) {
                    for (Object pair : as(List.class, args.get(0), "OrderedDict's items")) {
                        List<?> item = as(List.class, pair, "an OrderedDict item");
                        if (item.size() != 2) {
                            throw new PickleException("an OrderedDict item has " + item.size() + " parts, not 2");
                        }
                        dict.put(key(item.get(0)), item.get(1));
                    }
                }
                return dict;
            }
            case "_rebuild_parameter" -> {
                return as(TensorRef.class, args.isEmpty() ? null : args.get(0), "_rebuild_parameter's tensor");
            }
            default -> {
                if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage)) {
                    throw new PickleException("_rebuild_tensor_v2 needs (storage, offset, shape, strides, ...), got "
                            + args.size() + " arguments");
                }
                return new TensorRef(storage, as(Long.class, args.get(1), "a tensor's storage offset"),
                        longs(as(List.class, args.get(2), "a tensor's shape")),
                        longs(as(List.class, args.get(3), "a tensor's strides")));
            }
        }
    }

    static StorageRef storage(Object pid) throws PickleException {
        List<?> id = pid instanceof List<?> list ? list : List.of();
        if (id.size() < 5 || !"storage".equals(id.get(0)) || !(id.get(1) instanceof Global type)) {
            throw new PickleException("refusing persistent id " + describe(pid) + " (not a torch storage)" + REFUSAL);
        }
        PthDtype dtype = PthDtype.ofStorage(type.name());
        if (dtype == null || !type.module().equals("torch")) {
            throw new PickleException("refusing storage type " + type + REFUSAL);
        }
        String key = as(String.class, id.get(2), "a storage key");
        if (id.size() > 5 && id.get(5) != null) {
            throw new PickleException("storage " + key + " is a legacy storage view, which is not supported; "
                    + "re-save the file with torch.save in PyTorch >= 1.6");
        }
        long numel = as(Long.class, id.get(4), "storage " + key + "'s element count");
        if (numel < 0) {
            throw new PickleException("storage " + key + " claims " + numel + " elements");
        }
        return new StorageRef(dtype, key, numel);
    }

    /** A dict key: a string or a number, as in every state_dict (a container key could be cyclic). */
    static Object key(Object key) throws PickleException {
        if (key instanceof String || key instanceof Long || key instanceof Double || key instanceof Boolean) {
            return key;
        }
        throw new PickleException("refusing a dict key of type " + describe(key) + REFUSAL);
    }

    private static long[] longs(List<?> values) throws PickleException {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = as(Long.class, values.get(i), "a tensor size");
        }
        return out;
    }

    /** value as a type, or a refusal naming what was expected and what was found. */
    static <T> T as(Class<T> type, Object value, String what) throws PickleException {
        if (!type.isInstance(value)) {
            String expected = type == Map.class ? "a dict" : type == ArrayList.class ? "a list"
                    : type == List.class ? "a tuple or list" : type == String.class ? "a str"
                    : type == Long.class ? "an int" : type == TensorRef.class ? "a tensor" : type.getSimpleName();
            throw new PickleException(what + " must be " + expected + ", found " + describe(value));
        }
        return type.cast(value);
    }

    /** The Python type of value, never its contents: a hostile pickle may nest a container in itself. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Global global) {
            return "global " + global;
        }
        return value instanceof Map ? "dict" : value instanceof ArrayList ? "list" : value instanceof List ? "tuple"
                : value instanceof String ? "str" : value instanceof Long || value instanceof BigInteger ? "int"
                : value instanceof Double ? "float" : value instanceof Boolean ? "bool"
                : value instanceof TensorRef ? "tensor" : value instanceof StorageRef ? "storage"
                : value.getClass().getSimpleName();
    }
}
