#!/usr/bin/python3
"""scikit-learn 1.2 references for spectral clustering, Gaussian mixtures and mini-batch K-Means.

    run.sh tests/Reference/scripts/clustering_ref.py STANDARDIZED_CSV OUT.json

On the shared 1000 x 57 standardized table (no header):
  - kmeans_init_labels: KMeans(n_clusters=10, n_init=1, random_state=0).labels_, exactly the start that
    GaussianMixture(init_params='kmeans', random_state=0) uses, so EM can be compared step for step;
  - gmm[covariance_type] for full/diag/tied/spherical: GaussianMixture(n_components=10, random_state=0,
    other defaults: n_init=1, max_iter=100, tol=1e-3, reg_covar=1e-6): lower_bound_, score (average
    log-likelihood), bic, n_iter_, converged_, weights_, labels;
  - gmm_seeds[covariance_type] for full/diag: score and labels-vs-genre-free summaries for random_state 0..4, the
    spread of local optima that a different K-Means random stream lands in;
  - spectral_kmeans: SpectralClustering(n_clusters=10, affinity='nearest_neighbors', n_neighbors=10,
    assign_labels='kmeans', random_state=0) labels.
On synthetic_blobs.blobs(20000, 16, 20, 2.0, seed=7) (rebuilt identically by the C# tests):
  - minibatch: MiniBatchKMeans(n_clusters=20, random_state=s) inertia for s in 0..4 (batch_size 1024, n_init 3,
    sklearn 1.2 defaults) and KMeans(n_clusters=20, n_init=10, random_state=0) inertia.
"""
from __future__ import annotations

import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic_blobs  # noqa: E402


def main():
    import numpy as np
    import sklearn
    from sklearn.cluster import KMeans, MiniBatchKMeans, SpectralClustering
    from sklearn.mixture import GaussianMixture

    warnings.simplefilter("ignore")
    x = np.loadtxt(sys.argv[1], delimiter=",")
    out = {"input": os.path.basename(sys.argv[1]), "n": int(x.shape[0]), "sklearn": sklearn.__version__,
           "numpy": np.__version__}
    out["kmeans_init_labels"] = KMeans(n_clusters=10, n_init=1, random_state=0).fit(x).labels_.tolist()
    out["gmm"] = {}
    for covariance_type in ("full", "diag", "tied", "spherical"):
        g = GaussianMixture(n_components=10, covariance_type=covariance_type, random_state=0)
        labels = g.fit_predict(x)
        out["gmm"][covariance_type] = {
            "lower_bound": float(g.lower_bound_), "avg_log_likelihood": float(g.score(x)), "bic": float(g.bic(x)),
            "n_iter": int(g.n_iter_), "converged": bool(g.converged_), "weights": g.weights_.tolist(),
            "labels": labels.tolist()}
    out["gmm_seeds"] = {t: [float(GaussianMixture(n_components=10, covariance_type=t, random_state=r).fit(x).score(x))
                            for r in range(5)] for t in ("full", "diag")}
    s = SpectralClustering(n_clusters=10, affinity="nearest_neighbors", n_neighbors=10, assign_labels="kmeans",
                           random_state=0).fit(x)
    out["spectral_kmeans"] = {"labels": s.labels_.tolist()}

    blobs, _ = synthetic_blobs.blobs(20000, 16, 20, 2.0, seed=7)
    out["blobs"] = {"n": 20000, "dims": 16, "clusters": 20, "spread": 2.0, "seed": 7,
                    "checksum": float(blobs.sum()), "first_row": blobs[0].tolist()}
    out["minibatch"] = {
        "inertia_by_seed": [float(MiniBatchKMeans(n_clusters=20, random_state=s).fit(blobs).inertia_) for s in range(5)],
        "kmeans_inertia": float(KMeans(n_clusters=20, n_init=10, random_state=0).fit(blobs).inertia_)}
    with open(sys.argv[2], "w") as fh:
        json.dump(out, fh)
        fh.write("\n")


if __name__ == "__main__":
    main()
