#!/usr/bin/python3
"""Compares `mlp train` on raw tabular CSV files (text columns, missing cells, no preparation
by hand) with scikit-learn's usual pipeline on the same split:
SimpleImputer + OneHotEncoder + StandardScaler + MLPClassifier.

For each data set the rows with a missing target are left out, the rest is split once,
stratified, into 75% training and 25% test rows (seeded), and both tools train on the same
training file and are scored on the same test file. Both train one hidden layer of 16 ReLU
units with Adam (rate 0.01) in batches of 200 rows for at most 200 epochs, stopping when the
training loss has improved by less than 1e-4 for 10 epochs (scikit-learn's tol and
n_iter_no_change, given to `mlp train` as early stopping); scikit-learn scales the
numeric and the one-hot columns, as `mlp train`'s default z-score input scaler does. Each tool is trained with the seeds 1 to 5
and the table shows the mean test accuracy and its spread.

Usage:
    /usr/bin/python3 mlp-examples/scripts/tabular_comparison.py MLP_CLI_JAR \
        NAME=CSV:TARGET [NAME=CSV:TARGET ...]

Needs scikit-learn (Debian: python3-sklearn) and pandas (python3-pandas).
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MISSING = ["", "NA", "NaN", "?", "null"]
SEEDS = [1, 2, 3, 4, 5]
HIDDEN = 16
EPOCHS = 200
BATCH = 200  # scikit-learn's default batch size, min(200, rows), given to both tools


def sklearn_accuracy(train, test, target, seed):
    x_train, y_train = train.drop(columns=[target]), train[target]
    x_test, y_test = test.drop(columns=[target]), test[target]
    categorical = [c for c in x_train.columns if x_train[c].dtype == object]
    numeric = [c for c in x_train.columns if c not in categorical]
    prep = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="mean")),
                          ("scale", StandardScaler())]), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                          ("onehot", OneHotEncoder(handle_unknown="ignore")),
                          ("scale", StandardScaler(with_mean=False))]), categorical),
    ])
    model = Pipeline([("prep", prep),
                      ("mlp", MLPClassifier(hidden_layer_sizes=(HIDDEN,), max_iter=EPOCHS,
                                            learning_rate_init=0.01, batch_size=BATCH,
                                            random_state=seed))])
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(x_train, y_train)
    return float((model.predict(x_test) == y_test).mean())


def mlp_accuracy(jar, train_csv, test_csv, target, seed, work):
    model = os.path.join(work, "model.mlp")
    subprocess.run(["java", "-jar", jar, "train", "--data", train_csv, "--target", target,
                    "--layers", str(HIDDEN), "--epochs", str(EPOCHS), "--seed", str(seed),
                    "--batch", f"mini-batch(size={BATCH})",
                    # scikit-learn's stop: loss better by less than tol=1e-4 for 10 epochs
                    "--early-stopping", "early-stopping(monitor=loss, patience=10, "
                    "min-delta=0.0001, restore-best=false)",
                    "--quiet", "-o", model], check=True)
    out = subprocess.run(["java", "-jar", jar, "evaluate", "-m", model, "--data", test_csv],
                         check=True, capture_output=True, text=True).stdout
    return float(re.search(r"accuracy\s+([0-9.]+)", out).group(1))


def main(argv):
    jar = argv[1]
    rows = []
    for spec in argv[2:]:
        name, rest = spec.split("=", 1)
        path, target = rest.rsplit(":", 1)
        data = pd.read_csv(path, na_values=MISSING, keep_default_na=False)
        data = data[data[target].notna()].reset_index(drop=True)
        data[target] = data[target].astype(str)
        train, test = train_test_split(data, test_size=0.25, stratify=data[target],
                                       random_state=0)
        with tempfile.TemporaryDirectory() as work:
            train_csv = os.path.join(work, "train.csv")
            test_csv = os.path.join(work, "test.csv")
            train.to_csv(train_csv, index=False, na_rep="NA")
            test.to_csv(test_csv, index=False, na_rep="NA")
            sk = [sklearn_accuracy(train, test, target, s) for s in SEEDS]
            ours = [mlp_accuracy(jar, train_csv, test_csv, target, s, work) for s in SEEDS]
        text = [c for c in data.columns if c != target and data[c].dtype == object]
        missing = int(data.drop(columns=[target]).isna().sum().sum())
        rows.append((name, len(train), len(test), len(text), missing, sk, ours))
    print("| data set | train / test rows | text columns | missing cells | "
          "scikit-learn accuracy | mlp train accuracy | difference |")
    print("|---|---|---|---|---|---|---|")
    for name, ntr, nte, ntext, nmiss, sk, ours in rows:
        d = 100 * (statistics.mean(ours) - statistics.mean(sk))
        print(f"| {name} | {ntr} / {nte} | {ntext} | {nmiss} | "
              f"{100 * statistics.mean(sk):.1f}% ± {100 * statistics.pstdev(sk):.1f} | "
              f"{100 * statistics.mean(ours):.1f}% ± {100 * statistics.pstdev(ours):.1f} | "
              f"{d:+.1f} points |")


if __name__ == "__main__":
    main(sys.argv)
