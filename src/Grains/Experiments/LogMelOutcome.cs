using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Grains.Experiments;

/// <summary>The patch manifest the trainers read, and the extraction outcome less the tracks whose log-mel failed.</summary>
internal sealed record LogMelOutcome(BlobRef PatchManifest, ExtractionOutcome Extraction);
