#!/usr/bin/env bash
# Runs FashionMnistBenchmark: samples per second of 784-256-128-10 single-machine and on Spark
# local[1] and local[2]. Arguments are passed on, e.g. rows=10000 epochs=2 batch=128.
# With "mlpc" as the first argument runs MlpcComparison instead: MLlib's
# MultilayerPerceptronClassifier and SparkMlp side by side (s per iteration, test accuracy),
# e.g. run-benchmark.sh mlpc iterations=50. With "steps" runs StepTime: the time of one
# full-batch step against model size and partition count, on local[2] or on the master= given.
# Run from anywhere; builds the module's test classes first (no install). Maven options (the
# local repository, -o) can be given in MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
main=dev.mlp.spark.bench.FashionMnistBenchmark
if [ "${1:-}" = mlpc ]; then
    main=dev.mlp.spark.bench.MlpcComparison
    shift
elif [ "${1:-}" = steps ]; then
    main=dev.mlp.spark.bench.StepTime
    shift
fi
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -pl mlp-spark -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
# the JVM options Spark needs on Java 17, kept in one place: the module's pom
opens="$(sed -n 's:.*<spark.java17.options>\(.*\)</spark.java17.options>.*:\1:p' mlp-spark/pom.xml)"
# shellcheck disable=SC2086
SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" exec java $opens -Xmx4g ${JAVA_OPTS:-} \
    -cp "mlp-spark/target/test-classes:mlp-spark/target/classes:$(cat mlp-spark/target/test.classpath)" \
    "$main" "$@"
