"""Deterministic Gaussian-like blobs shared with the C# tests (tests/Analysis.Tests/SyntheticBlobs.cs).

splitmix64 drives everything, so both languages produce bit-identical float64 tables:
centers uniform in [-10, 10) per dimension; each point = center[i % clusters] + (sum of 4 uniforms - 2) * spread.
"""
from __future__ import annotations

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed: int):
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self) -> float:
        return (self.next() >> 11) * (1.0 / (1 << 53))


def blobs(n: int, dims: int, clusters: int, spread: float, seed: int):
    import numpy as np
    rng = SplitMix64(seed)
    centers = [[rng.uniform() * 20.0 - 10.0 for _ in range(dims)] for _ in range(clusters)]
    x = np.empty((n, dims))
    labels = np.empty(n, dtype=int)
    for i in range(n):
        c = i % clusters
        labels[i] = c
        for j in range(dims):
            noise = rng.uniform() + rng.uniform() + rng.uniform() + rng.uniform() - 2.0
            x[i, j] = centers[c][j] + noise * spread
    return x, labels
