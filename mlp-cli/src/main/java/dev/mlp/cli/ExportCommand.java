package dev.mlp.cli;

import dev.mlp.core.io.InputPreprocessing;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.onnx.OnnxExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlp export}: a saved model as an ONNX file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a saved model as an ONNX file: input scaling, layers, "
                + "activations, outputs (probabilities and label for classifiers, predictions "
                + "in the targets' units for regression), computed in double precision. The "
                + "graph's input is 'features', double [N, inputs].")
final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private MlpCli parent;

    @Option(names = {"--model", "-m"}, required = true, paramLabel = "MODEL",
            description = "The model file to export, as 'mlp train' writes it.")
    private Path modelFile;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "ONNX",
            description = "The ONNX file to write. It is written to a temporary file beside "
                    + "it and then moved into place, so it is never left half-written.")
    private Path output;

    @Override
    public Integer call() throws IOException {
        CliFiles.readable("-m", modelFile);
        CliFiles.notAnInput("-o", output, "-m", modelFile);
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException("cannot write " + output + ": directory " + dir
                    + " does not exist");
        }
        if (Files.isDirectory(output)) {
            throw new BadInputException("cannot write " + output + ": it is a directory");
        }
        ModelInfo info = ModelFile.read(modelFile);
        InputPreprocessing stored = info.metadata().preprocessing();
        FittedPreprocessing prep = stored == null ? null : FittedPreprocessing.restore(stored);
        Plugins plugins = parent.plugins();
        OnnxExport export;
        try {
            export = OnnxExport.of(ModelFile.toModel(info, plugins.mlp()))
                    .featureNames(prep == null ? info.metadata().featureNames()
                            : prep.inputNames())
                    .targetNames(info.metadata().targetNames())
                    .exportersOf(plugins.loader());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("-m " + modelFile + ": " + e.getMessage(), e);
        }
        export.write(output);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + output + " (" + Files.size(output) + " bytes): input '"
                + OnnxExport.INPUT + "', outputs " + (export.classifier()
                ? "'probabilities' and 'label' (classes " + export.classNames() + ")"
                : "'predictions'"));
        if (prep != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: the model encodes or fills its raw columns before the network; "
                    + "the ONNX graph takes the " + prep.width() + " encoded inputs "
                    + prep.inputNames() + " (see 'mlp inspect')");
            err.flush();
        }
        out.flush();
        return MlpCli.OK;
    }
}
