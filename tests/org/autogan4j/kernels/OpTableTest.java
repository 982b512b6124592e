// The op table's rules, checked on the sources and the library: every op of native/include/ag/ops.def
// has its argument checks in ag/<family>_args.h, a CPU twin in native/cpu/<family>.cpp and a CUDA
// twin in native/cuda/<family>.cu that both begin with that check, a binding in nativeapi.Ag and a
// Backend method of the same name in camel case; the dispatch refuses an unknown device and answers
// a CUDA call without a CUDA context with AG_ERR_NO_CUDA.
package org.autogan4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpTableTest {
    private static final Path NATIVE = Path.of(System.getProperty("user.dir"), "native");
    private static final Pattern OP = Pattern.compile("AG_OP\\((\\w+), (\\w+),");
    /** Ops without argument checks: nothing they take can be wrong (free(0) and synchronize are no-ops). */
    private static final Set<String> UNCHECKED = Set.of("free", "synchronize");
    /** Ops the Backend reaches through memory methods of other names (allocate, upload, ...). */
    private static final Set<String> MEMORY = Set.of("alloc", "free", "upload", "download");

    /** (family, name) of every op, in ops.def's order. */
    private static List<String[]> ops;

    @BeforeAll
    static void readOps() throws IOException {
        String def = Files.readString(NATIVE.resolve("include/ag/ops.def"));
        ops = new ArrayList<>();
        Matcher m = OP.matcher(def.substring(def.indexOf("*/")));
        while (m.find()) {
            ops.add(new String[] {m.group(1), m.group(2)});
        }
        assertTrue(ops.size() > 40, "read only " + ops.size() + " ops from ops.def");
    }

    @Test
    void everyOpHasBothTwinsAndTheirSharedCheckUnderItsFamilyName() throws IOException {
        for (String[] op : ops) {
            String family = op[0];
            String name = op[1];
            for (String twin : new String[] {"cpu/" + family + ".cpp", "cuda/" + family + ".cu"}) {
                Path file = NATIVE.resolve(twin);
                assertTrue(Files.exists(file), "ag_" + name + " has no twin file " + file);
                String device = twin.startsWith("cpu") ? "cpu" : "cuda";
                String body = definition(Files.readString(file), "ag_" + device + "_" + name);
                assertTrue(body != null, file + " does not define ag_" + device + "_" + name);
                if (!UNCHECKED.contains(name)) {
                    assertTrue(body.strip().startsWith("AG_CHECK(ag_" + name + "_check("),
                            "ag_" + device + "_" + name + " must begin with AG_CHECK(ag_" + name + "_check(...))");
                }
            }
            if (!UNCHECKED.contains(name)) {
                Path args = NATIVE.resolve("include/ag/" + family + "_args.h");
                assertTrue(Files.readString(args).contains("ag_status ag_" + name + "_check("),
                        args + " must define ag_" + name + "_check");
            }
        }
    }

    /** The text between the opening brace of function's definition and the next closing one at column 0. */
    private static String definition(String source, String function) {
        Matcher m = Pattern.compile("extern \"C\" ag_status " + function + "\\([^)]*\\)\\s*\\{").matcher(source);
        if (!m.find()) {
            return null;
        }
        int end = source.indexOf("\n}", m.end());
        return source.substring(m.end(), end < 0 ? source.length() : end);
    }

    @Test
    void everyOpIsBoundOnceWithItsDeviceAndReachedByABackendMethod() {
        List<String> backend = Arrays.stream(Backend.class.getMethods()).map(Method::getName).toList();
        for (String[] op : ops) {
            String name = "ag_" + op[1];
            List<Method> bound = Arrays.stream(Ag.class.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && Modifier.isNative(m.getModifiers())).toList();
            assertTrue(!bound.isEmpty(), "nativeapi.Ag has no " + name);
            for (Method m : bound) {
                assertEquals(int.class, m.getParameterTypes()[0], name + "'s first parameter is the device");
            }
            if (!MEMORY.contains(op[1])) {
                assertTrue(backend.contains(camel(op[1])), "Backend has no " + camel(op[1]) + " for " + name);
            }
        }
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    @Test
    void theDispatchRefusesAnUnknownDeviceAndAnswersCudaWithoutAContextWithNoCuda() {
        Device.CPU.backend();
        try (Tensor y = Tensor.zeros(Device.CPU, 8)) {
            assertEquals(Ag.AG_ERR_INVALID_ARGUMENT, Ag.ag_fill(7, y.address(), 8, 1f));
            assertEquals("ag_fill: unknown device 7 (0 = CPU, 1 = CUDA)", Ag.ag_last_error());
            int[] count = new int[1];
            assertEquals(Ag.AG_OK, Ag.ag_cuda_device_count(count));
            if (count[0] == 0) {
                assertEquals(Ag.AG_ERR_NO_CUDA, Ag.ag_scale(Ag.AG_DEVICE_CUDA, y.address(), 8, 2f));
                assertTrue(Ag.ag_last_error().startsWith("ag_"), Ag.ag_last_error());
                assertEquals(0f, y.toArray()[0], "a refused CUDA call must not touch the CPU tensor");
            }
        }
    }
}
