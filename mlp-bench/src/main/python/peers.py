#!/usr/bin/python3
"""W1 of the mlp benchmark with PyTorch or scikit-learn, on the same Fashion-MNIST files.

W1: pixels scaled to [0, 1], 784-256-128-10, ReLU hidden layers, softmax with cross-entropy,
plain SGD with learning rate 0.1 (no momentum, no weight decay), mini-batches of 128 reshuffled
every epoch. Prints the time of each epoch (data loading excluded) and ends with one line

    SUMMARY w1 <peer> setting=... precision=... samples_per_s=... accuracy=...

that the Java runner (mlp-bench.jar) reads. Thread settings come from the environment the
runner starts this script with (OPENBLAS_NUM_THREADS) and from --torch-threads.

    peers.py --peer pytorch --setting best --torch-threads 1 --data DIR --epochs 3
    peers.py --peer scikit-learn --setting threads2 --data DIR --epochs 3
"""

import argparse
import gzip
import statistics
import struct
import sys
import time

import numpy as np


def images(path):
    with gzip.open(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            sys.exit(f"{path}: not an IDX image file (magic {magic:#x}, expected 0x803)")
        raw = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8)
    return raw.reshape(count, rows * cols)


def labels(path):
    with gzip.open(path, "rb") as f:
        magic, count = struct.unpack(">II", f.read(8))
        if magic != 0x801:
            sys.exit(f"{path}: not an IDX label file (magic {magic:#x}, expected 0x801)")
        return np.frombuffer(f.read(count), dtype=np.uint8).astype(np.int64)


def load(data):
    return (images(f"{data}/train-images-idx3-ubyte.gz"),
            labels(f"{data}/train-labels-idx1-ubyte.gz"),
            images(f"{data}/t10k-images-idx3-ubyte.gz"),
            labels(f"{data}/t10k-labels-idx1-ubyte.gz"))


def pytorch(args, data):
    import torch
    if args.torch_threads > 0:
        torch.set_num_threads(args.torch_threads)
    torch.manual_seed(args.seed)
    train_x, train_y, test_x, test_y = data
    x = torch.from_numpy(train_x.astype(np.float32) / 255.0)
    y = torch.from_numpy(train_y)
    tx = torch.from_numpy(test_x.astype(np.float32) / 255.0)
    ty = torch.from_numpy(test_y)
    layers = [torch.nn.Linear(784, 256), torch.nn.ReLU(),
              torch.nn.Linear(256, 128), torch.nn.ReLU(),
              torch.nn.Linear(128, 10)]
    for layer in layers:
        if isinstance(layer, torch.nn.Linear):  # he: N(0, 2 / fan_in), zero biases
            torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            torch.nn.init.zeros_(layer.bias)
    model = torch.nn.Sequential(*layers)
    loss_fn = torch.nn.CrossEntropyLoss()  # softmax and cross-entropy, mean over the batch
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    n = x.shape[0]
    seconds = []
    for epoch in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(n)
        for i in range(0, n, args.batch):
            idx = order[i:i + args.batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}: {seconds[-1]:.2f} s", flush=True)
    with torch.no_grad():
        accuracy = (model(tx).argmax(dim=1) == ty).double().mean().item()
    version = torch.__version__
    threads = torch.get_num_threads()
    return seconds, accuracy, f"version={version} precision=float32 torch_threads={threads}"


def sklearn(args, data):
    import sklearn as sk
    from sklearn.neural_network import MLPClassifier
    train_x, train_y, test_x, test_y = data
    x = train_x.astype(np.float64) / 255.0
    tx = test_x.astype(np.float64) / 255.0
    model = MLPClassifier(hidden_layer_sizes=(256, 128), activation="relu", solver="sgd",
                          learning_rate="constant", learning_rate_init=0.1, momentum=0.0,
                          nesterovs_momentum=False, alpha=0.0, batch_size=args.batch,
                          shuffle=True, random_state=args.seed)
    classes = np.arange(10)
    seconds = []
    for epoch in range(args.epochs):  # partial_fit: one epoch over shuffled mini-batches
        start = time.perf_counter()
        model.partial_fit(x, train_y, classes=classes)
        seconds.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}: {seconds[-1]:.2f} s", flush=True)
    accuracy = float((model.predict(tx) == test_y).mean())
    return seconds, accuracy, f"version={sk.__version__} precision=float64"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--peer", choices=["pytorch", "scikit-learn"], required=True)
    p.add_argument("--setting", default="default", help="a label for the SUMMARY line")
    p.add_argument("--torch-threads", type=int, default=0,
                   help="torch.set_num_threads(N); 0 leaves PyTorch's default")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--seed", type=int, default=1,
                   help="seed of initialization and shuffling")
    p.add_argument("--batch", type=int, default=128)
    args = p.parse_args()
    data = load(args.data)
    run = pytorch if args.peer == "pytorch" else sklearn
    seconds, accuracy, extra = run(args, data)
    rate = data[0].shape[0] / statistics.median(seconds)
    print(f"SUMMARY w1 {args.peer} setting={args.setting} {extra} samples_per_s={rate:.0f}"
          f" accuracy={accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
