// The C API's pairing rule, checked on native/include/ag/kernels.h itself: every ag_cpu_* entry
// point has an ag_cuda_* twin declared right after it with identical parameter types and names,
// every ag_cuda_* op has its CPU twin (the device queries excepted), and the JavaCPP bindings
// AgCpu / AgCuda declare a Java method, with matching parameter types, for each entry point.
package org.autogan4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.autogan4j.nativeapi.AgCpu;
import org.autogan4j.nativeapi.AgCuda;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiPairsTest {
    /** The ag_cuda_* functions that ask about or configure the GPU itself and so have no CPU twin. */
    private static final Set<String> CUDA_ONLY = Set.of("ag_cuda_device_count", "ag_cuda_init", "ag_cuda_device_info",
            "ag_cuda_mem_info", "ag_cuda_set_tf32");
    /** A declaration: return type, name, parameter list. */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?:ag_status|int|const\\s+char\\s*\\*)\\s*(ag_\\w+)\\s*\\(([^)]*)\\)\\s*;");

    /** name -> normalised parameters ("float* y"), in declaration order. */
    private static Map<String, List<String>> declarations;

    @BeforeAll
    static void parseHeader() throws IOException {
        Path header = Path.of(System.getProperty("user.dir"), "native", "include", "ag", "kernels.h");
        String text = Files.readString(header).replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        declarations = new LinkedHashMap<>();
        Matcher m = DECLARATION.matcher(text);
        while (m.find()) {
            declarations.put(m.group(1), parameters(m.group(2)));
        }
        assertTrue(declarations.size() > 80, "parsed only " + declarations.size() + " declarations from " + header);
    }

    /** "const float *x, int64_t n" -> ["const float* x", "int64_t n"]; "void" -> []. */
    private static List<String> parameters(String list) {
        List<String> out = new ArrayList<>();
        String trimmed = list.replaceAll("\\s+", " ").trim();
        if (trimmed.isEmpty() || trimmed.equals("void")) {
            return out;
        }
        for (String p : trimmed.split(",")) {
            out.add(p.trim().replaceAll("\\s*\\*\\s*", "* "));
        }
        return out;
    }

    @Test
    void everyCpuEntryPointHasAnAdjacentCudaTwinWithTheSameParameters() {
        List<String> names = new ArrayList<>(declarations.keySet());
        int pairs = 0;
        for (int i = 0; i < names.size(); i++) {
            String cpu = names.get(i);
            if (!cpu.startsWith("ag_cpu_")) {
                continue;
            }
            String cuda = "ag_cuda_" + cpu.substring("ag_cpu_".length());
            assertTrue(declarations.containsKey(cuda), cpu + " has no CUDA twin " + cuda);
            assertEquals(cuda, i + 1 < names.size() ? names.get(i + 1) : null, cuda + " must follow " + cpu);
            assertEquals(declarations.get(cpu), declarations.get(cuda), cuda + " must take " + cpu + "'s parameters");
            pairs++;
        }
        assertTrue(pairs > 40, "only " + pairs + " pairs found");
    }

    @Test
    void everyCudaOpHasACpuTwin() {
        for (String name : declarations.keySet()) {
            if (name.startsWith("ag_cuda_") && !CUDA_ONLY.contains(name)) {
                String cpu = "ag_cpu_" + name.substring("ag_cuda_".length());
                assertTrue(declarations.containsKey(cpu), name + " has no CPU twin " + cpu);
            }
        }
    }

    @Test
    void agCpuBindsEveryCpuEntryPoint() {
        assertBinds(AgCpu.class, name -> name.startsWith("ag_cpu_") || !name.startsWith("ag_cuda_"));
    }

    @Test
    void agCudaBindsEveryCudaEntryPoint() {
        assertBinds(AgCuda.class, name -> name.startsWith("ag_cuda_") || name.equals("ag_last_error")
                || name.equals("ag_version"));
    }

    /** Every selected declaration has a public static native method of that name and matching types. */
    private static void assertBinds(Class<?> binding, Predicate<String> selected) {
        int bound = 0;
        for (Map.Entry<String, List<String>> d : declarations.entrySet()) {
            if (!selected.test(d.getKey())) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            boolean found = false;
            for (Method method : binding.getDeclaredMethods()) {
                if (!method.getName().equals(d.getKey())) {
                    continue;
                }
                candidates.add(Arrays.toString(method.getParameterTypes()));
                int modifiers = method.getModifiers();
                found |= Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isNative(modifiers)
                        && matches(d.getValue(), method.getParameterTypes());
            }
            if (!found) {
                fail(binding.getSimpleName() + " has no public static native method " + d.getKey() + " taking "
                        + d.getValue() + "; candidates: " + candidates);
            }
            bound++;
        }
        assertTrue(bound > 40, binding.getSimpleName() + ": only " + bound + " entry points checked");
    }

    /** C parameters vs Java types: a pointer is a long address or an array; int64_t/uint64_t long. */
    private static boolean matches(List<String> cParameters, Class<?>[] javaTypes) {
        if (cParameters.size() != javaTypes.length) {
            return false;
        }
        for (int i = 0; i < javaTypes.length; i++) {
            String c = cParameters.get(i);
            Class<?> java = javaTypes[i];
            boolean ok;
            if (c.contains("*")) {
                ok = java == long.class || java.isArray();
            } else if (c.startsWith("int64_t ") || c.startsWith("uint64_t ")) {
                ok = java == long.class;
            } else if (c.startsWith("int ")) {
                ok = java == int.class;
            } else if (c.startsWith("float ")) {
                ok = java == float.class;
            } else {
                ok = false;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
