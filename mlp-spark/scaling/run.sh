#!/usr/bin/env bash
# Step time of data-parallel training across hosts, emulated on one machine: a standalone
# Spark cluster whose Master and driver run in one network namespace and each Worker in a
# namespace of its own, all joined by a bridge in a further namespace, every link shaped with
# tc (tbf) to a bandwidth. The driver runs StepTime (the time of one full-batch step against
# model size and partition count) on that cluster and prints its table.
#
#   sudo mlp-spark/scaling/run.sh workers=2 rate=1gbit hidden=16,128,512,2048 partitions=2,4
#
# Options (key=value, all optional):
#   workers=2        Workers, one namespace, one core and 1 GB each
#   rate=1gbit       bandwidth of every host's link, each direction (tc rate units:
#                    100mbit, 1gbit, 10gbit); none for no shaping
#   logs=DIR         keep the Master's, Workers' and driver's logs there
#   everything else  passed to StepTime (hidden=, partitions=, rows=, steps=, warmup=, inputs=)
#
# Latency cannot be added: the netem qdisc is not available on the machines this was written
# on, and tbf and htb shape bandwidth only (tbf's latency argument bounds queueing, it adds no
# delay). The script needs root (ip netns, tc) and touches no interface outside its own
# namespaces: every address is a private one that exists only inside them (10.213.0.0/24).
# It removes its namespaces and stops the JVMs it started on exit.
# Maven options (the local repository, -o) can be given in MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

workers=2
rate=1gbit
logs=
pass=()
for a in "$@"; do
    case "$a" in
        workers=*) workers="${a#workers=}" ;;
        rate=*) rate="${a#rate=}" ;;
        logs=*) logs="${a#logs=}" ;;
        *=*) pass+=("$a") ;;
        *) echo "options are key=value, found '$a'" >&2; exit 2 ;;
    esac
done
if ! [[ "$workers" =~ ^[1-9][0-9]?$ ]]; then
    echo "workers must be a number from 1 to 99, found '$workers'" >&2; exit 2
fi
if [ "$(id -u)" != 0 ]; then
    echo "run as root: network namespaces and tc need it" >&2; exit 2
fi
for tool in ip tc java mvn; do
    command -v "$tool" >/dev/null || { echo "needs '$tool' on the PATH" >&2; exit 2; }
done

# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -pl mlp-spark -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
opens="$(sed -n 's:.*<spark.java17.options>\(.*\)</spark.java17.options>.*:\1:p' mlp-spark/pom.xml)"
classpath="mlp-spark/target/test-classes:mlp-spark/target/classes:$(cat mlp-spark/target/test.classpath)"

prefix="mlps$$"                # namespace names: mlps<pid>-sw, -h0 (Master, driver), -h1...
net=10.213.0
work="$(mktemp -d /tmp/mlp-scaling.XXXXXX)"
pids=()

cleanup() {
    set +e
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null
    done
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        for _ in $(seq 1 40); do
            kill -0 "${pids[i]}" 2>/dev/null || break
            sleep 0.25
        done
        kill -9 "${pids[i]}" 2>/dev/null
    done
    for ((h = 0; h <= workers; h++)); do
        ip netns del "$prefix-h$h" 2>/dev/null
    done
    ip netns del "$prefix-sw" 2>/dev/null
    if [ -n "$logs" ]; then
        mkdir -p "$logs" && cp -r "$work"/*.log "$work"/worker-* "$logs"/
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# SPARK_HOME: links to the class path's jars (Spark's launcher wants SPARK_HOME/jars), empty conf
mkdir -p "$work/spark/jars" "$work/spark/conf"
IFS=: read -ra entries <<<"$classpath"
dirs=()
for e in "${entries[@]}"; do
    name="$(basename "$e")"
    if [ -d "$e" ]; then
        [[ "$e" == /* ]] || e="$root/$e"
        dirs+=("$e")
    elif [[ "$name" == *.jar && "$name" != surefire* && "$name" != junit-* \
            && ! -e "$work/spark/jars/$name" ]]; then
        ln -s "$e" "$work/spark/jars/$name"
    fi
done
# directories (the modules' classes) on the executors' class path
executor_cp="$(IFS=:; echo "${dirs[*]}")"

# the network: a bridge in its own namespace, one veth pair per host, each end shaped
ip netns add "$prefix-sw"
ip -n "$prefix-sw" link add br0 type bridge
ip -n "$prefix-sw" link set br0 up
ip -n "$prefix-sw" link set lo up
for ((h = 0; h <= workers; h++)); do
    ns="$prefix-h$h"
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip link add "${prefix}a$h" type veth peer name "${prefix}b$h"
    ip link set "${prefix}a$h" netns "$ns"
    ip link set "${prefix}b$h" netns "$prefix-sw"
    ip -n "$ns" link set "${prefix}a$h" name eth0
    ip -n "$ns" addr add "$net.$((10 + h))/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$prefix-sw" link set "${prefix}b$h" master br0
    ip -n "$prefix-sw" link set "${prefix}b$h" up
    if [ "$rate" != none ]; then
        # host -> switch and switch -> host, each at the rate
        ip netns exec "$ns" tc qdisc add dev eth0 root tbf rate "$rate" burst 1mb latency 100ms
        ip netns exec "$prefix-sw" tc qdisc add dev "${prefix}b$h" root tbf rate "$rate" \
            burst 1mb latency 100ms
    fi
done

spark_env=(env SPARK_HOME="$work/spark" SPARK_CONF_DIR="$work/spark/conf"
    SPARK_SCALA_VERSION=2.12 JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}")
daemon_cp="$work/spark/conf:$work/spark/jars/*"
master_ip="$net.10"

# shellcheck disable=SC2086
ip netns exec "$prefix-h0" "${spark_env[@]}" SPARK_LOCAL_IP="$master_ip" \
    java -Xmx512m $opens -cp "$daemon_cp" org.apache.spark.deploy.master.Master \
    --host "$master_ip" --port 7077 --webui-port 0 >"$work/master.log" 2>&1 &
pids+=($!)
wait_for() { # file pattern seconds
    for _ in $(seq 1 $(( $3 * 4 ))); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.25
    done
    echo "no '$2' in $1 within $3 s:" >&2; tail -20 "$1" >&2; exit 1
}
wait_for "$work/master.log" "Starting Spark master at" 60
for ((h = 1; h <= workers; h++)); do
    ip_h="$net.$((10 + h))"
    mkdir -p "$work/worker-$h"
    # shellcheck disable=SC2086
    ip netns exec "$prefix-h$h" "${spark_env[@]}" SPARK_LOCAL_IP="$ip_h" \
        java -Xmx512m $opens -cp "$daemon_cp" org.apache.spark.deploy.worker.Worker \
        --host "$ip_h" --port 0 --webui-port 0 --cores 1 --memory 1g \
        --work-dir "$work/worker-$h" "spark://$master_ip:7077" >"$work/worker-$h.log" 2>&1 &
    pids+=($!)
done
for ((h = 1; h <= workers; h++)); do
    wait_for "$work/worker-$h.log" "Successfully registered with master" 60
done
echo "cluster: Master and driver at $master_ip, $workers Workers ($net.11...), links $rate"

# shellcheck disable=SC2086
ip netns exec "$prefix-h0" env SPARK_LOCAL_IP="$master_ip" java $opens -Xmx2g \
    -Dspark.driver.host="$master_ip" -Dspark.driver.bindAddress="$master_ip" \
    -Dspark.cores.max="$workers" -Dspark.executor.cores=1 -Dspark.executor.memory=768m \
    -Dspark.executor.extraClassPath="$executor_cp" \
    -Dspark.executor.extraJavaOptions="$opens" \
    -Dspark.executorEnv.OPENBLAS_NUM_THREADS=1 \
    -cp "$classpath" dev.mlp.spark.bench.StepTime "master=spark://$master_ip:7077" \
    "${pass[@]}" 2>"$work/driver.log" &
pids+=($!)
driver=$!
if ! wait "$driver"; then
    echo "the driver failed; the last lines of its log:" >&2
    tail -30 "$work/driver.log" >&2
    exit 1
fi
