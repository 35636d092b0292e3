#!/usr/bin/python3
"""Times librosa 0.11 computing exactly the descriptor set of harness/descriptors_ref.py, for `cluster bench descriptors`.

    ../shared/reference/harness/run.sh tests/Reference/scripts/descriptors_bench.py IN.wav OUT.json [--repeat N] [--pad-mode constant|reflect]

descriptors_ref.py times one call, numba compilation included; this script runs the same calls once to warm up and
then N times, and reports medians: all_s (the whole set, as descriptors_ref.py's timing.all_s), without_hpss_s, hpss_s,
and per stage. Run it with one thread (OMP/OPENBLAS/NUMBA_NUM_THREADS=1) to compare one core with one core.
"""
import argparse, json, os, sys, time


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input"); p.add_argument("output")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--pad-mode", default="constant", choices=["constant", "reflect"])
    a = p.parse_args()
    import numpy as np, soundfile as sf, librosa
    y, sr = sf.read(a.input, dtype="float32", always_2d=True)
    y = librosa.to_mono(y.T)
    if sr != 22050:
        y = librosa.resample(y, orig_sr=sr, target_sr=22050, res_type="kaiser_best"); sr = 22050
    kw = dict(n_fft=2048, hop_length=512, center=True, pad_mode=a.pad_mode)

    def run():
        t = {}
        def stage(name, f):
            s = time.perf_counter(); r = f(); t[name] = time.perf_counter() - s; return r
        S = stage("stft", lambda: np.abs(librosa.stft(y, **kw))); P = S ** 2
        mfcc = stage("mfcc", lambda: librosa.feature.mfcc(S=librosa.power_to_db(librosa.feature.melspectrogram(S=P, sr=sr)), n_mfcc=20))
        stage("chroma_stft", lambda: librosa.feature.chroma_stft(S=P, sr=sr))
        stage("spectral_contrast", lambda: librosa.feature.spectral_contrast(S=S, sr=sr))
        stage("spectral_centroid", lambda: librosa.feature.spectral_centroid(S=S, sr=sr))
        stage("spectral_bandwidth", lambda: librosa.feature.spectral_bandwidth(S=S, sr=sr))
        stage("spectral_rolloff", lambda: librosa.feature.spectral_rolloff(S=S, sr=sr))
        stage("spectral_flatness", lambda: librosa.feature.spectral_flatness(S=S))
        stage("zero_crossing_rate", lambda: librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512, center=True))
        stage("rms", lambda: librosa.feature.rms(S=S, frame_length=2048, hop_length=512))
        stage("mfcc_delta", lambda: librosa.feature.delta(mfcc))
        onset = stage("onset_strength", lambda: librosa.onset.onset_strength(y=y, sr=sr, hop_length=512))
        stage("tempo", lambda: librosa.feature.tempo(onset_envelope=onset, sr=sr, hop_length=512))
        stage("hpss", lambda: librosa.effects.hpss(y))
        return t

    run()  # warm-up: numba compilation and caches
    runs = [run() for _ in range(max(1, a.repeat))]
    med = lambda xs: float(np.median(xs))
    stages = {k: med([r[k] for r in runs]) for k in runs[0]}
    out = {
        "input": os.path.basename(a.input), "repeat": len(runs), "pad_mode": a.pad_mode,
        "all_s": med([sum(r.values()) for r in runs]),
        "without_hpss_s": med([sum(v for k, v in r.items() if k != "hpss") for r in runs]),
        "hpss_s": stages["hpss"], "mfcc_s": med([r["stft"] + r["mfcc"] for r in runs]),
        "stages_s": stages, "librosa": librosa.__version__,
    }
    s = json.dumps(out)
    (sys.stdout.write(s) if a.output == "-" else open(a.output, "w").write(s))


if __name__ == "__main__":
    main()
