package dev.mlp.cli;

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
        OnnxExport export;
        try {
            export = OnnxExport.fromModelFile(modelFile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("-m " + modelFile + ": " + e.getMessage(), e);
        }
        export.write(output);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + output + " (" + Files.size(output) + " bytes): input '"
                + OnnxExport.INPUT + "', outputs " + (export.classifier()
                ? "'probabilities' and 'label' (classes " + export.classNames() + ")"
                : "'predictions'"));
        out.flush();
        return MlpCli.OK;
    }
}
