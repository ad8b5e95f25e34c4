package dev.mlp.testkit;

import dev.mlp.api.Encoder;
import dev.mlp.api.spi.EncoderProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The encoder contract passes a sound encoder and catches each kind of flaw. */
class EncoderContractTest {

    /** Ordinal codes in sorted order, with a flaw chosen by name. */
    static final class Codes implements Encoder {
        private final String flaw;

        Codes(String flaw) {
            this.flaw = flaw;
        }

        @Override
        public String name() {
            return "codes";
        }

        @Override
        public Fitted fit(List<String> values) {
            List<String> cats = flaw.equals("order") ? new ArrayList<>(new java.util
                    .LinkedHashSet<>(values)) : new ArrayList<>(new TreeSet<>(values));
            return fitted(cats);
        }

        @Override
        public Fitted restore(State state) {
            List<String> cats = new ArrayList<>(state.categories());
            if (flaw.equals("restore")) {
                java.util.Collections.reverse(cats);
            }
            return fitted(cats);
        }

        private Fitted fitted(List<String> cats) {
            return new Fitted() {
                @Override
                public int width() {
                    return 1;
                }

                @Override
                public List<String> names(String column) {
                    return List.of(column);
                }

                @Override
                public boolean encode(String value, double[] out, int offset) {
                    int i = cats.indexOf(value);
                    out[offset] = i;
                    if (flaw.equals("spill")) {
                        out[offset + 1] = 0;
                    }
                    return flaw.equals("known") || i >= 0;
                }

                @Override
                public Unseen unseen() {
                    return Unseen.IGNORE;
                }

                @Override
                public State state() {
                    return new State(cats, new double[0]);
                }
            };
        }
    }

    static EncoderProvider codes(String flaw) {
        return Kit.provider(EncoderProvider.class, "codes", () -> new Codes(flaw));
    }

    @Test
    void aSoundEncoderPasses() {
        Kit.passes(PluginContracts.of(codes("none")));
    }

    @Test
    void flawsAreCaughtByTheirCheck() {
        Kit.failure(PluginContracts.of(codes("restore")), EncoderContract.STATE,
                "restore(state()).state()");
        Kit.failure(PluginContracts.of(codes("known")), EncoderContract.UNSEEN,
                "returned true, but 'purple' was not fitted");
        Kit.failure(PluginContracts.of(codes("spill")), EncoderContract.UNSEEN, true,
                "wrote outside its 1 cells");
        Kit.failure(PluginContracts.of(codes("order")), EncoderContract.DETERMINISM,
                "in another order");
    }
}
