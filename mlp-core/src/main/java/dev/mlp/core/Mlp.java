package dev.mlp.core;

import com.google.inject.Guice;
import dev.mlp.api.Activation;
import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Loss;
import dev.mlp.api.Optimizer;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.WeightInitializer;
import dev.mlp.core.init.ExplicitWeights;
import dev.mlp.core.inject.MlpModule;
import dev.mlp.core.layer.NetworkAssembly;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.kernel.BackendChoice;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.Trainer;
import dev.mlp.core.train.TrainingOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The entry point for applications: build a network from spec strings, train it, predict.
 *
 * <pre>{@code
 * Model model = Mlp.builder()
 *         .inputs(2)
 *         .layer(3, "sigmoid")
 *         .layer(1, "sigmoid")
 *         .loss("half-squared-error")
 *         .optimizer("sgd(lr=0.5)")
 *         .batch("stochastic")
 *         .epochs(2000)
 *         .seed(7)
 *         .train(x, y);
 * double[] prediction = model.predict(new double[] {0, 1});
 * }</pre>
 *
 * <p>{@link #builder()} uses the plugins found on the class path, discovered once. Applications
 * that use Guice install {@link MlpModule} and inject {@code Mlp}, then call
 * {@link #newBuilder()}.
 */
public final class Mlp {

    private static volatile Mlp standard;

    private final PluginRegistry registry;
    private final TrainingDefaults defaults;
    private final List<TrainingListener> listeners;
    private final BackendChoice backend;

    /**
     * @param registry the plugins
     * @param defaults what unset choices default to
     * @param listeners listeners attached to every run
     */
    public Mlp(PluginRegistry registry, TrainingDefaults defaults,
               Set<TrainingListener> listeners) {
        this(registry, defaults, listeners, BackendChoice.standard());
    }

    /**
     * @param registry the plugins
     * @param defaults what unset choices default to
     * @param listeners listeners attached to every run
     * @param backend the compute backend and thread count of runs that do not choose (bound in
     *     {@link dev.mlp.core.inject.MlpModule})
     */
    @Inject
    Mlp(PluginRegistry registry, TrainingDefaults defaults,
               Set<TrainingListener> listeners, BackendChoice backend) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.listeners = List.copyOf(listeners);
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /**
     * The instance backed by every plugin on the class path of this class's loader (or the
     * thread's context loader), discovered on first use.
     *
     * @return the shared standard instance
     */
    public static Mlp standard() {
        Mlp s = standard;
        if (s == null) {
            synchronized (Mlp.class) {
                s = standard;
                if (s == null) {
                    s = Guice.createInjector(new MlpModule(PluginCatalog.standard()))
                            .getInstance(Mlp.class);
                    standard = s;
                }
            }
        }
        return s;
    }

    /**
     * @return a builder backed by {@link #standard()}
     */
    public static Builder builder() {
        return standard().newBuilder();
    }

    /**
     * @return a builder backed by this instance's plugins and defaults
     */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /**
     * @return the plugin registry behind this instance
     */
    public PluginRegistry registry() {
        return registry;
    }

    /**
     * @return the defaults behind this instance
     */
    public TrainingDefaults defaults() {
        return defaults;
    }

    /**
     * Configures a network and its training. Every plugin is given by a spec string (or, for
     * plugins made in code, an instance); unset choices take the {@link TrainingDefaults}.
     * Specs are resolved, and shapes checked, in {@link #build()}.
     */
    public static final class Builder extends TrainingChoices<Builder> {
        private final Mlp mlp;
        private int inputs;
        private final NetworkChoice layers = new NetworkChoice();
        private Object loss;
        private Object optimizer;
        private Object batch;
        private Object initializer;
        private String inputScaler;
        private String targetScaler;
        private MultiLabel multiLabel;
        private final Map<Integer, double[][]> weights = new LinkedHashMap<>();
        private final Map<Integer, double[]> biases = new LinkedHashMap<>();

        private Builder(Mlp mlp) {
            this.mlp = mlp;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * @param count number of input features
         * @return this
         */
        public Builder inputs(int count) {
            this.inputs = count;
            return this;
        }

        /**
         * Adds a dense layer with a bias.
         *
         * @param neurons number of neurons
         * @param activation activation spec, for example {@code "relu"}
         * @return this
         */
        public Builder layer(int neurons, String activation) {
            return layer(neurons, activation, true);
        }

        /**
         * Adds a dense layer.
         *
         * @param neurons number of neurons
         * @param activation activation spec
         * @param bias whether the layer has a bias
         * @return this
         */
        public Builder layer(int neurons, String activation, boolean bias) {
            layers.layer(neurons, activation, bias);
            return this;
        }

        /**
         * Adds a dense layer with an activation made in code.
         *
         * @param neurons number of neurons
         * @param activation the activation
         * @param bias whether the layer has a bias
         * @return this
         */
        public Builder layer(int neurons, Activation activation, boolean bias) {
            layers.layer(neurons, activation, bias);
            return this;
        }

        /**
         * Drops out the outputs of the layer added last during training: each is zeroed with
         * probability {@code rate} and the others are scaled by {@code 1 / (1 - rate)}
         * (inverted dropout), with masks drawn from the run's seed. Predictions and evaluation
         * never drop anything. Only hidden layers can have dropout.
         *
         * @param rate the probability of dropping an output, in [0, 1)
         * @return this
         * @throws IllegalStateException if no layer has been added yet
         * @throws IllegalArgumentException if the rate is out of range
         */
        public Builder dropout(double rate) {
            layers.dropout(rate);
            return this;
        }

        /**
         * Gives the whole network as one spec: dense layers, layer plugins and residual blocks
         * separated by spaces, the dense output layer last, for example
         * {@code "dense(64, relu) batch-norm dropout(0.1) residual(dense(64, relu), dense(64))
         * dense(3, softmax)"}. Instead of {@link #layer(int, String)} calls, not with them.
         *
         * @param spec the network spec
         * @return this
         */
        public Builder network(String spec) {
            layers.network(spec);
            return this;
        }

        /**
         * @param spec loss spec, for example {@code "cross-entropy"}
         * @return this
         */
        public Builder loss(String spec) {
            this.loss = spec;
            return this;
        }

        /**
         * @param instance a loss made in code
         * @return this
         */
        public Builder loss(Loss instance) {
            this.loss = instance;
            return this;
        }

        /**
         * @param spec optimizer spec, for example {@code "adam(lr=0.001)"}
         * @return this
         */
        public Builder optimizer(String spec) {
            this.optimizer = spec;
            return this;
        }

        /**
         * @param instance an optimizer made in code
         * @return this
         */
        public Builder optimizer(Optimizer instance) {
            this.optimizer = instance;
            return this;
        }

        /**
         * @param spec batch strategy spec, for example {@code "mini-batch(size=16)"}
         * @return this
         */
        public Builder batch(String spec) {
            this.batch = spec;
            return this;
        }

        /**
         * @param instance a batch strategy made in code
         * @return this
         */
        public Builder batch(BatchStrategy instance) {
            this.batch = instance;
            return this;
        }

        /**
         * @param spec initializer spec, for example {@code "he"}
         * @return this
         */
        public Builder initializer(String spec) {
            this.initializer = spec;
            return this;
        }

        /**
         * @param instance an initializer made in code
         * @return this
         */
        public Builder initializer(WeightInitializer instance) {
            this.initializer = instance;
            return this;
        }

        /**
         * Gives one layer's initial weights explicitly.
         *
         * @param layer 1-based layer index
         * @param w {@code w[i][j]} from input {@code i} to neuron {@code j}
         * @return this
         */
        public Builder weights(int layer, double[][] w) {
            weights.put(layer, w);
            return this;
        }

        /**
         * Gives one layer's initial biases explicitly.
         *
         * @param layer 1-based layer index
         * @param b one bias per neuron
         * @return this
         */
        public Builder biases(int layer, double... b) {
            biases.put(layer, b);
            return this;
        }

        /**
         * Scales inputs with a scaler fitted on the first training data.
         *
         * @param spec scaler spec, for example {@code "min-max(lo=-1, hi=1)"}
         * @return this
         */
        public Builder inputScaler(String spec) {
            this.inputScaler = spec;
            return this;
        }

        /**
         * Scales regression targets for training and unscales predictions.
         *
         * @param spec scaler spec, for example {@code "z-score"}
         * @return this
         */
        public Builder targetScaler(String spec) {
            this.targetScaler = spec;
            return this;
        }

        /**
         * Makes a multi-label model: one sigmoid output per label (give the output layer as
         * {@code .layer(labels.size(), "sigmoid")}), trained with {@code binary-cross-entropy}
         * unless another loss is given, predictions decided per label at its threshold.
         *
         * @param labels the labels and their thresholds
         * @return this
         */
        public Builder multiLabel(MultiLabel labels) {
            this.multiLabel = labels;
            return this;
        }

        /**
         * Resolves every spec, checks the shapes and initializes the network.
         *
         * @return an untrained model
         * @throws IllegalArgumentException if a spec is invalid or shapes do not fit
         */
        public Model build() {
            PluginRegistry reg = mlp.registry;
            TrainingDefaults d = mlp.defaults;
            NetworkAssembly.Assembled assembled = layers.assemble(inputs, reg);
            Network network = assembled.network();
            List<String> activationSpecs = assembled.activationSpecs();
            Map<String, String> chosen = new LinkedHashMap<>();
            if (multiLabel != null) {
                multiLabel.requireOutputs(network.outputSize());
            }
            Loss lossI = resolve(reg, PluginKind.LOSS, Loss.class, loss,
                    multiLabel != null ? "binary-cross-entropy" : d.loss(), chosen);
            lossI.checkOutputActivation(network.activation(network.layerCount()));
            Optimizer opt = resolve(reg, PluginKind.OPTIMIZER, Optimizer.class, optimizer,
                    d.optimizer(), chosen);
            BatchStrategy bs = resolve(reg, PluginKind.BATCH_STRATEGY, BatchStrategy.class, batch,
                    d.batch(), chosen);
            WeightInitializer init = resolve(reg, PluginKind.INITIALIZER, WeightInitializer.class,
                    initializer, d.initializer(), chosen);
            if (!weights.isEmpty() || !biases.isEmpty()) {
                ExplicitWeights explicit = new ExplicitWeights(init);
                weights.forEach(explicit::weights);
                biases.forEach(explicit::biases);
                explicit.checkLayers(network.layerCount());
                init = explicit;
            }
            Scaler in = scaler(reg, inputScaler, "input scaler", chosen);
            Scaler out = scaler(reg, targetScaler, "target scaler", chosen);
            List<TrainingListener> ls = new ArrayList<>(mlp.listeners);
            ls.addAll(listeners(reg));
            TrainingOptions options = resolveOptions(reg, mlp.backend, chosen);
            int e = epochsOr(d.epochs());
            long s = seedOr(d.seed());
            network.initialize(init, Seeds.of(s).initialization());
            Trainer trainer = new Trainer(lossI, opt, bs, e, s, ls, options);
            if (trainer.options().earlyStopping() != null) {
                chosen.put("early stopping", trainer.options().earlyStopping().spec());
            }
            ClassWeights cw = classWeightsChosen();
            if (cw != null) {
                chosen.put("class weights", cw + (metricsWeighted() ? "; weighted metrics" : ""));
            }
            return new Model(network, trainer, in, out, chosen, activationSpecs)
                    .classWeights(cw, metricsWeighted()).multiLabel(multiLabel);
        }

        /**
         * Builds the model and trains it once.
         *
         * @param x one row of features per sample
         * @param y one row of targets per sample
         * @return the trained model
         */
        public Model train(double[][] x, double[][] y) {
            Model m = build();
            m.fit(x, y);
            return m;
        }
    }
}
