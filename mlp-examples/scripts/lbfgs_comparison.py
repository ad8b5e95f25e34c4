#!/usr/bin/env python3
"""L-BFGS against scikit-learn's MLPClassifier(solver="lbfgs") on Iris, same inputs, same
initial weights.

Both sides: all 150 flowers of mlp-examples/src/main/resources/data/iris.csv, inputs z-scored
per column (population standard deviation, sums taken row by row in file order), a 4-8-3
network (tanh, softmax, cross-entropy, no penalty), initial parameter k (layer 1 weights
row-major input by neuron, layer 1 biases, layer 2 weights, layer 2 biases) equal to
((37 k + 11) mod 101) / 101 - 0.5. scikit-learn runs with tol=1e-5 (SciPy's gtol default, which
the lbfgs optimizer keeps), the other L-BFGS-B settings at SciPy's defaults.

Run from the repository root after `mvn -q install -DskipTests`:

    /usr/bin/python3 mlp-examples/scripts/lbfgs_comparison.py

It runs `java -jar mlp-examples/target/mlp-examples.jar lbfgs-iris` for our numbers and prints
both losses and their relative difference after 1, 2, 5, 10, 20, 30 and 50 iterations and at
convergence. Not run in CI (it needs scikit-learn: apt-get install python3-sklearn).
"""
import csv
import math
import os
import re
import subprocess
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "mlp-examples", "src", "main", "resources", "data", "iris.csv")
JAR = os.path.join(ROOT, "mlp-examples", "target", "mlp-examples.jar")
ITERATIONS = [1, 2, 5, 10, 20, 30, 50]
MAX_ITER = 200


def load():
    with open(DATA, newline="") as f:
        rows = [r for r in csv.reader(f)][1:]
    x = [[float(v) for v in r[:4]] for r in rows if r]
    labels = [r[4] for r in rows if r]
    n, d = len(x), 4
    z = [[0.0] * d for _ in range(n)]
    for c in range(d):
        s = 0.0
        for row in x:
            s += row[c]
        mean = s / n
        sq = 0.0
        for row in x:
            sq += (row[c] - mean) * (row[c] - mean)
        sd = math.sqrt(sq / n)
        for r in range(n):
            z[r][c] = (x[r][c] - mean) / sd
    return np.array(z), np.array(labels)


def initial(k):
    return ((37 * k + 11) % 101) / 101.0 - 0.5


def initial_parameters(sizes):
    coefs, intercepts, k = [], [], 0
    for l in range(1, len(sizes)):
        w = np.empty((sizes[l - 1], sizes[l]))
        for i in range(sizes[l - 1]):
            for j in range(sizes[l]):
                w[i, j] = initial(k)
                k += 1
        b = np.empty(sizes[l])
        for j in range(sizes[l]):
            b[j] = initial(k)
            k += 1
        coefs.append(w)
        intercepts.append(b)
    return coefs, intercepts


def sklearn_run(x, y, iterations):
    clf = MLPClassifier(hidden_layer_sizes=(8,), activation="tanh", solver="lbfgs", alpha=0.0,
                        max_iter=1, tol=1e-5, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(x, y)  # sets up the label binarizer and shapes; the weights are replaced next
        coefs, intercepts = initial_parameters([4, 8, 3])
        clf.coefs_, clf.intercepts_ = coefs, intercepts
        clf.warm_start = True
        clf.max_iter = iterations
        clf.fit(x, y)
    return clf.loss_, clf.n_iter_


def ours():
    out = subprocess.run(["java", "-jar", JAR, "lbfgs-iris"], capture_output=True, text=True,
                         check=True).stdout
    at = {int(m.group(1)): float(m.group(2))
          for m in re.finditer(r"iterations (\d+): loss (\S+)", out)}
    m = re.search(r"converged after (\d+) iterations: loss (\S+)", out)
    return at, (float(m.group(2)), int(m.group(1)))


def main():
    x, y = load()
    at, converged = ours()
    print("%-12s %-22s %-22s %s" % ("iterations", "mlp lbfgs", "scikit-learn", "relative"))
    for n in ITERATIONS:
        ref, nit = sklearn_run(x, y, n)
        mine = at.get(n)
        if mine is None:  # our run stopped before n iterations
            mine = converged[0]
        print("%-12d %-22.15g %-22.15g %.3g  (scikit-learn n_iter_=%d)"
              % (n, mine, ref, abs(mine - ref) / abs(ref), nit))
    ref, nit = sklearn_run(x, y, MAX_ITER)
    print("converged: mlp %.15g after %d iterations, scikit-learn %.15g after %d, relative %.3g"
          % (converged[0], converged[1], ref, nit, abs(converged[0] - ref) / abs(ref)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
