namespace MusicClustering.Learning;
internal static class AssemblyMarker { }
