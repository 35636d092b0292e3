#!/usr/bin/python3
"""scikit-learn t-SNE timing and quality, the reference of `cluster bench tsne`.

    run.sh tests/Reference/scripts/tsne_ref.py DATA.csv OUT.json [--perplexity 30] [--n-iter 1000] [--repeats 1]

DATA.csv: numeric rows without a header. TSNE(n_components=2, perplexity, n_iter, init='pca',
method='barnes_hut', angle=0.5, learning_rate='auto', early_exaggeration=12, random_state=0): sklearn 1.2 defaults
otherwise. The fit (kNN affinities included) is timed with perf_counter; seconds_median over --repeats runs.
Writes seconds, the iterations sklearn ran (n_iter_), kl_divergence_ and trustworthiness (k = 10) of the embedding.
Pin threads (OMP_NUM_THREADS=1 ...) for one core against one core.
"""
import argparse
import json
import statistics
import time
import warnings


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("output")
    p.add_argument("--perplexity", type=float, default=30.0)
    p.add_argument("--n-iter", type=int, default=1000)
    p.add_argument("--repeats", type=int, default=1)
    args = p.parse_args()
    import numpy as np
    import sklearn
    from sklearn.manifold import TSNE, trustworthiness

    warnings.simplefilter("ignore")
    x = np.loadtxt(args.data, delimiter=",", ndmin=2)
    seconds = []
    for _ in range(args.repeats):
        model = TSNE(n_components=2, perplexity=args.perplexity, n_iter=args.n_iter, init="pca",
                     method="barnes_hut", learning_rate="auto", random_state=0)
        start = time.perf_counter()
        embedding = model.fit_transform(x)
        seconds.append(time.perf_counter() - start)
    out = {"n": int(x.shape[0]), "dims": int(x.shape[1]), "perplexity": args.perplexity, "n_iter": args.n_iter,
           "seconds": seconds, "seconds_median": statistics.median(seconds), "n_iter_run": int(model.n_iter_),
           "kl_divergence": float(model.kl_divergence_),
           "trustworthiness": float(trustworthiness(x, embedding, n_neighbors=10)), "sklearn": sklearn.__version__}
    with open(args.output, "w") as fh:
        json.dump(out, fh)
        fh.write("\n")


if __name__ == "__main__":
    main()
