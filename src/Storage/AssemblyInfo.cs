namespace MusicClustering.Storage;
internal static class AssemblyMarker { }
