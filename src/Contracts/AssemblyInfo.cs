namespace MusicClustering.Contracts;
internal static class AssemblyMarker { }
