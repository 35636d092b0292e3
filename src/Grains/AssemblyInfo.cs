namespace MusicClustering.Grains;
internal static class AssemblyMarker { }
