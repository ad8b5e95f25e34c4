package dev.mlp.core.train;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small test doubles for the plugin kinds the trainer drives. */
final class Doubles {

    private Doubles() {
    }

    /**
     * @param start makes the state
     * @return an optimizer named "test" with that state
     */
    static Optimizer optimizer(java.util.function.Function<ParameterLayout, OptimizerState> start) {
        return new Optimizer() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public OptimizerState start(ParameterLayout layout) {
                return start.apply(layout);
            }
        };
    }

    /** Plain gradient descent with a settable rate and a snapshot. */
    static Optimizer sgd(double lr) {
        return new Optimizer() {
            @Override
            public String name() {
                return "test-sgd";
            }

            @Override
            public OptimizerState start(ParameterLayout layout) {
                return new OptimizerState() {
                    private long steps;
                    private double rate = lr;

                    @Override
                    public void update(double[][] p, double[][] g) {
                        for (int b = 0; b < p.length; b++) {
                            for (int i = 0; i < p[b].length; i++) {
                                p[b][i] -= rate * g[b][i];
                            }
                        }
                        steps++;
                    }

                    @Override
                    public long steps() {
                        return steps;
                    }

                    @Override
                    public double learningRate() {
                        return rate;
                    }

                    @Override
                    public void learningRate(double r) {
                        rate = r;
                    }

                    @Override
                    public OptimizerSnapshot snapshot() {
                        return new OptimizerSnapshot("test-sgd", steps,
                                Map.of("rate", new double[] {rate}));
                    }

                    @Override
                    public void restore(OptimizerSnapshot s) {
                        s.requireOptimizer("test-sgd");
                        steps = s.steps();
                        rate = s.value("rate")[0];
                    }
                };
            }
        };
    }

    /** Adam with bias correction, its moments in the snapshot. */
    static Optimizer adam(double lr) {
        return new Optimizer() {
            @Override
            public String name() {
                return "test-adam";
            }

            @Override
            public OptimizerState start(ParameterLayout layout) {
                double[][] m = new double[layout.size()][];
                double[][] v = new double[layout.size()][];
                for (int b = 0; b < layout.size(); b++) {
                    m[b] = new double[layout.block(b).size()];
                    v[b] = new double[layout.block(b).size()];
                }
                return new OptimizerState() {
                    private long steps;
                    private double rate = lr;

                    @Override
                    public void update(double[][] p, double[][] g) {
                        steps++;
                        double c1 = 1 - Math.pow(0.9, steps);
                        double c2 = 1 - Math.pow(0.999, steps);
                        for (int b = 0; b < p.length; b++) {
                            for (int i = 0; i < p[b].length; i++) {
                                m[b][i] = 0.9 * m[b][i] + 0.1 * g[b][i];
                                v[b][i] = 0.999 * v[b][i] + 0.001 * g[b][i] * g[b][i];
                                p[b][i] -= rate * (m[b][i] / c1) / (Math.sqrt(v[b][i] / c2)
                                        + 1e-8);
                            }
                        }
                    }

                    @Override
                    public long steps() {
                        return steps;
                    }

                    @Override
                    public double learningRate() {
                        return rate;
                    }

                    @Override
                    public void learningRate(double r) {
                        rate = r;
                    }

                    @Override
                    public OptimizerSnapshot snapshot() {
                        Map<String, double[]> values = new TreeMap<>();
                        values.put("rate", new double[] {rate});
                        for (int b = 0; b < m.length; b++) {
                            values.put("m" + b, m[b]);
                            values.put("v" + b, v[b]);
                        }
                        return new OptimizerSnapshot("test-adam", steps, values);
                    }

                    @Override
                    public void restore(OptimizerSnapshot s) {
                        s.requireOptimizer("test-adam");
                        steps = s.steps();
                        rate = s.value("rate")[0];
                        for (int b = 0; b < m.length; b++) {
                            s.copyInto("m" + b, m[b]);
                            s.copyInto("v" + b, v[b]);
                        }
                    }
                };
            }
        };
    }

    /**
     * rate = base * scale * 0.9^(epoch-1), halving the scale whenever the monitored value gets
     * worse; records what it hears.
     */
    static final class DecayOnPlateau implements LearningRateSchedule {
        final List<Double> monitored = new ArrayList<>();
        final List<Double> rates = new ArrayList<>();

        @Override
        public String name() {
            return "test-decay";
        }

        @Override
        public State start(Run run) {
            return new State() {
                private double scale = 1.0;
                private double best = Double.POSITIVE_INFINITY;

                @Override
                public double rate(int epoch, long step) {
                    double r = run.baseRate() * scale * Math.pow(0.9, epoch - 1);
                    rates.add(r);
                    return r;
                }

                @Override
                public void epochFinished(int epoch, double value) {
                    monitored.add(value);
                    if (value > best) {
                        scale *= 0.5;
                    } else {
                        best = value;
                    }
                }

                @Override
                public void scale(double factor) {
                    scale *= factor;
                }

                @Override
                public double[] save() {
                    return new double[] {scale, best};
                }

                @Override
                public void restore(double[] saved) {
                    scale = saved[0];
                    best = saved[1];
                }
            };
        }
    }

    /** Adds an L2 penalty {@code lambda/2 * sum w^2} over the weight blocks. */
    static GradientTransform l2(double lambda, List<String> calls) {
        return new GradientTransform() {
            @Override
            public String name() {
                return "test-l2";
            }

            @Override
            public double apply(ParameterLayout layout, double[][] p, double[][] g) {
                calls.add("l2");
                double penalty = 0.0;
                for (int b = 0; b < layout.size(); b++) {
                    if (layout.block(b).kind() == ParameterLayout.Kind.WEIGHTS) {
                        for (int i = 0; i < p[b].length; i++) {
                            g[b][i] += lambda * p[b][i];
                            penalty += 0.5 * lambda * p[b][i] * p[b][i];
                        }
                    }
                }
                return penalty;
            }
        };
    }

    /** Clips every gradient entry to [-limit, limit]; no penalty. */
    static GradientTransform clip(double limit, List<String> calls) {
        return new GradientTransform() {
            @Override
            public String name() {
                return "test-clip";
            }

            @Override
            public double apply(ParameterLayout layout, double[][] p, double[][] g) {
                calls.add("clip");
                for (double[] block : g) {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = Math.max(-limit, Math.min(limit, block[i]));
                    }
                }
                return 0.0;
            }
        };
    }
}
