#!/usr/bin/env python3
"""Expected numbers of the hand-computed tests of the newer update rules and schedules.

Each function follows the formula of the paper (and, where the class says so, PyTorch's
form of it) one scalar at a time, in 40-digit decimal arithmetic, using only the Python 3
standard library. The printed values are the ones the Java tests assert:

    LionTest, RAdamTest, AdaBeliefTest, LookaheadTest, ScheduleFreeAdamWTest
    (all on the blocks w = (1, -2 | 0.5): a 2-entry weight block and a 1-entry bias block),
    schedule/OneCycleScheduleTest, schedule/CyclicalScheduleTest.

Usage: python3 newer_rules_reference.py
"""

from decimal import Decimal as D, getcontext
import math

getcontext().prec = 40
W0 = [D(1), D(-2), D("0.5")]
IS_WEIGHT = [True, True, False]


def sign(x):
    return D(0) if x == 0 else (D(1) if x > 0 else D(-1))


def show(name, t, values):
    print(f"{name} step {t}: " + ", ".join(str(+v) for v in values))


def lion(lr, b1, b2, decay, grads):
    """Chen et al. 2023, Algorithm 2: c = b1 m + (1-b1) g; w -= lr (sign c + decay w)."""
    w, m = list(W0), [D(0)] * 3
    for t, g in enumerate(grads, 1):
        for i in range(3):
            c = b1 * m[i] + (1 - b1) * g[i]
            w[i] -= lr * (sign(c) + (decay * w[i] if IS_WEIGHT[i] else 0))
            m[i] = b2 * m[i] + (1 - b2) * g[i]
        show("lion", t, w + m)


def radam(lr, b1, b2, eps, grads):
    """Liu et al. 2020, Algorithm 2, with PyTorch's rho_t > 5 and eps after sqrt(v)."""
    w, m, v = list(W0), [D(0)] * 3, [D(0)] * 3
    rho_inf = 2 / (1 - b2) - 1
    for t, g in enumerate(grads, 1):
        b2t = b2 ** t
        rho = rho_inf - 2 * t * b2t / (1 - b2t)
        r = ((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho)).sqrt() \
            if rho > 5 else None
        for i in range(3):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            m_hat = m[i] / (1 - b1 ** t)
            if r is None:
                w[i] -= lr * m_hat
            else:
                w[i] -= lr * m_hat * r * (1 - b2t).sqrt() / (v[i].sqrt() + eps)
        print(f"radam rho_{t} = {+rho}" + (f", r_{t} = {+r}" if r is not None else ""))
        show("radam", t, w + m)


def adabelief(lr, b1, b2, eps, grads):
    """Zhuang et al. 2020, Algorithm 2: s = b2 s + (1-b2)(g - m)^2 + eps."""
    w, m, s = list(W0), [D(0)] * 3, [D(0)] * 3
    for t, g in enumerate(grads, 1):
        for i in range(3):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            s[i] = b2 * s[i] + (1 - b2) * (g[i] - m[i]) ** 2 + eps
            w[i] -= lr * (m[i] / (1 - b1 ** t)) / ((s[i] / (1 - b2 ** t)).sqrt() + eps)
        show("adabelief", t, w + s)


def lookahead_sgd(lr, k, alpha, grads):
    """Zhang et al. 2019, Algorithm 1 around plain SGD."""
    w, slow = list(W0), list(W0)
    for t, g in enumerate(grads, 1):
        w = [w[i] - lr * g[i] for i in range(3)]
        if t % k == 0:
            slow = [slow[i] + alpha * (w[i] - slow[i]) for i in range(3)]
            w = list(slow)
        show("lookahead", t, w)


def schedule_free_adamw(lr, b1, b2, eps, decay, warmup, grads):
    """Defazio et al. 2024, Algorithm 1; the network holds y, decay on weights only."""
    y, z, x, v, total = list(W0), list(W0), list(W0), [D(0)] * 3, D(0)
    for t, g in enumerate(grads, 1):
        gamma = lr * (1 - b2 ** t).sqrt() * (min(D(1), D(t) / warmup) if warmup else 1)
        total += gamma * gamma
        c = gamma * gamma / total
        for i in range(3):
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            z[i] = z[i] - gamma * g[i] / (v[i].sqrt() + eps) \
                - (gamma * decay * y[i] if IS_WEIGHT[i] else 0)
            x[i] = (1 - c) * x[i] + c * z[i]
            y[i] = (1 - b1) * z[i] + b1 * x[i]
        print(f"schedule-free gamma_{t} = {+gamma}, c_{t + 1} = {+c}, sum = {+total}")
        show("schedule-free y", t, y)
        show("schedule-free z, x", t, z + x)


def one_cycle(base, div, final_div, pct, total):
    """PyTorch OneCycleLR (cos, two phases) with max_lr = base."""
    initial = base / div
    end = initial / final_div
    up = pct * total - 1

    def anneal(a, b, p):
        return b + (a - b) * (1 + math.cos(math.pi * p)) / 2

    for s in range(total):
        if s <= up:
            r = anneal(initial, base, s / up if up > 0 else 1.0)
        else:
            r = anneal(base, end, (s - up) / (total - 1 - up))
        print(f"one-cycle step {s}: {r!r}")


def cyclical(base, lower_fraction, size, mode, gamma, steps):
    """Smith 2017 / PyTorch CyclicLR with max_lr = base, base_lr = lower_fraction * base."""
    lower = lower_fraction * base
    for s in range(steps):
        cycle = math.floor(1 + s / (2 * size))
        x = abs(s / size - 2 * cycle + 1)
        scale = {"triangular": 1.0, "triangular2": 1 / 2 ** (cycle - 1),
                 "exp-range": gamma ** s}[mode]
        print(f"cyclical {mode} step {s}: {lower + (base - lower) * max(0.0, 1 - x) * scale!r}")


def main():
    lion(D("0.1"), D("0.9"), D("0.99"), D("0.5"), [[D(2), D("-0.5"), D(0)], [D(-1), D(0), D(1)]])
    radam(D("0.1"), D("0.9"), D("0.999"), D("1e-8"),
          [[D(2), D("-0.5"), D(0)]] + [[D(1), D(-2), D(1)]] * 6)
    adabelief(D("0.1"), D("0.9"), D("0.999"), D("1e-8"),
              [[D(2), D("-0.5"), D(0)], [D(2), D(0), D(1)]])
    lookahead_sgd(D("0.1"), 2, D("0.5"), [[D(2), D("-0.5"), D(0)], [D(1), D(-2), D(1)],
                                         [D(1), D(0), D(0)], [D(0), D(1), D(-1)]])
    schedule_free_adamw(D("0.1"), D("0.9"), D("0.999"), D("1e-8"), D("0.5"), 2,
                        [[D(2), D("-0.5"), D(0)], [D(1), D(-2), D(1)], [D(-1), D(0), D(2)]])
    one_cycle(1.0, 25.0, 1e4, 0.3, 10)
    cyclical(1.0, 0.1, 2, "triangular", 1.0, 8)
    cyclical(1.0, 0.1, 2, "triangular2", 1.0, 11)
    cyclical(1.0, 0.1, 2, "exp-range", 0.5, 4)


if __name__ == "__main__":
    main()
