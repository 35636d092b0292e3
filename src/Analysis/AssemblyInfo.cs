namespace MusicClustering.Analysis;
internal static class AssemblyMarker { }
