#!/usr/bin/env bash
# A residual MLP with batch normalization against the plain dense MLP on scikit-learn's digits
# table (1,797 rows, 64 pixel columns, 10 classes), each at two learning rates, over 5 seeds.
# Each run holds out a stratified quarter of the rows (chosen by the seed) and reports the
# validation accuracy at the best epoch (early stopping on validation loss, weights restored).
# Needs /usr/bin/python3 with python3-sklearn (to write the CSV) and a built mlp-cli.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=mlp-cli/target/mlp-cli.jar
csv=${TMPDIR:-/tmp}/digits.csv
/usr/bin/python3 - "$csv" <<'PY'
import sys
from sklearn.datasets import load_digits
d = load_digits()
with open(sys.argv[1], "w") as f:
    f.write(",".join("p%d" % i for i in range(64)) + ",digit\n")
    for x, y in zip(d.data, d.target):
        f.write(",".join("%g" % v for v in x) + ",d%d\n" % y)
PY
plain="dense(64,relu) dense(64,relu) dense(10,softmax)"
residual="dense(64,relu) batch-norm residual(dense(64,relu),dense(64)) dense(10,softmax)"
for name in plain residual; do
  spec=${!name}
  for lr in 0.003 0.01; do
    accs=()
    for seed in 1 2 3 4 5; do
      model=$(mktemp)
      acc=$(java -jar "$jar" train --data "$csv" --target digit --network "$spec" \
          --optimizer "adam(lr=$lr)" --batch "mini-batch(size=64)" --epochs 100 \
          --validation 0.25 --early-stopping "early-stopping(monitor=validation-loss, patience=10)" \
          --seed "$seed" -o "$model" | awk '/validation-accuracy/ {print $2}')
      rm -f "$model"
      accs+=("$acc")
    done
    printf '%s lr=%s %s\n' "$name" "$lr" "${accs[*]}" | awk '{n=0; s=0; q=0; for (i=3; i<=NF; i++) {n++; s+=$i; q+=$i*$i} m=s/n; sd=sqrt((q-n*m*m)/(n-1)); printf "%-9s %-9s mean %.4f std %.4f  (%s)\n", $1, $2, m, sd, substr($0, index($0,$3))}'
  done
done
