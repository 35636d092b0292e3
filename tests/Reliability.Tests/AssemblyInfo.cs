// Every test runs its own multi-process cluster; running them side by side on a small machine would turn timing
// (silo death detection, retries) into noise.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
