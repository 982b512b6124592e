// The checkpoint of the search's RL half as JSON-ready maps: the MLAS stage and its top-K parents
// (tokens, reward, final LSTM h and c), the live controller's weights, its Adam (steps and moments)
// and the REINFORCE baseline. Double arrays travel as base64 of their little-endian IEEE bits, so a
// resumed controller is bit-identical; short values (rewards, baseline, h, c) as JSON numbers, which
// Java writes in shortest round-trip form.
package org.autogan4j.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class ControllerState {
    private ControllerState() {
    }

    /** The state of mlas (its stage, parents, controller, Adam, baseline). */
    static Map<String, Object> save(MultiLevelSearch mlas) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stage", mlas.stage());
        List<Object> parents = new ArrayList<>();
        for (Candidate c : mlas.parents()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("tokens", c.tokens());
            p.put("reward", c.reward());
            p.put("h", c.h());
            p.put("c", c.c());
            parents.add(p);
        }
        out.put("parents", parents);
        Reinforce r = mlas.reinforce();
        List<String> params = new ArrayList<>();
        r.controller().parameters().forEach(p -> params.add(encode(p.value())));
        out.put("params", params);
        double[][][] moments = r.adam().moments();
        out.put("adam_steps", r.adam().steps());
        out.put("adam_m", encodeAll(moments[0]));
        out.put("adam_v", encodeAll(moments[1]));
        out.put("baseline", r.baseline());
        return out;
    }

    /** A search at the saved stage with the saved parents, controller, Adam and baseline, drawing from rng. */
    static MultiLevelSearch restore(Map<?, ?> saved, CounterRng rng, int hidden, int numCandidates, int topK,
            boolean quirks) {
        int stage = ((Number) saved.get("stage")).intValue();
        List<Candidate> parents = new ArrayList<>();
        for (Object o : (List<?>) saved.get("parents")) {
            Map<?, ?> p = (Map<?, ?>) o;
            parents.add(new Candidate(ints(p.get("tokens")), ((Number) p.get("reward")).doubleValue(),
                    doubles(p.get("h")), doubles(p.get("c"))));
        }
        MultiLevelSearch mlas = new MultiLevelSearch(rng, hidden, numCandidates, topK, quirks, stage, parents);
        Reinforce r = mlas.reinforce();
        List<ParamArray> params = r.controller().parameters();
        List<?> values = (List<?>) saved.get("params");
        if (values.size() != params.size()) {
            throw new IllegalArgumentException("the checkpoint's controller has " + values.size()
                    + " parameter arrays, this one " + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            double[] v = decode((String) values.get(i));
            if (v.length != params.get(i).size()) {
                throw new IllegalArgumentException("controller parameter " + params.get(i).name() + " holds "
                        + params.get(i).size() + " values, the checkpoint " + v.length);
            }
            System.arraycopy(v, 0, params.get(i).value(), 0, v.length);
        }
        r.adam().restore(((Number) saved.get("adam_steps")).longValue(), decodeAll(saved.get("adam_m")),
                decodeAll(saved.get("adam_v")));
        Object baseline = saved.get("baseline");
        r.restoreBaseline(baseline == null ? null : doubles(baseline));
        return mlas;
    }

    private static List<String> encodeAll(double[][] arrays) {
        List<String> out = new ArrayList<>();
        for (double[] a : arrays) {
            out.add(encode(a));
        }
        return out;
    }

    private static double[][] decodeAll(Object list) {
        List<?> items = (List<?>) list;
        double[][] out = new double[items.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = decode((String) items.get(i));
        }
        return out;
    }

    static String encode(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static double[] decode(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalArgumentException("a saved double array has " + bytes.length + " bytes, not a multiple of 8");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bytes.length / Double.BYTES];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }

    static double[] doubles(Object list) {
        List<?> items = (List<?>) list;
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) items.get(i)).doubleValue();
        }
        return out;
    }

    static int[] ints(Object list) {
        List<?> items = (List<?>) list;
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) items.get(i)).intValue();
        }
        return out;
    }
}
