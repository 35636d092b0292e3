using MusicClustering.Contracts;

namespace MusicClustering.Grains.Features;

/// <summary>Where one track's rows landed in a shard blob: rows <c>FirstRow</c> to <c>FirstRow + Rows - 1</c>.</summary>
public sealed record ShardLocation(BlobRef Shard, int FirstRow, int Rows);
