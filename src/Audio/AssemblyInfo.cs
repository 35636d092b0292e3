namespace MusicClustering.Audio;
internal static class AssemblyMarker { }
