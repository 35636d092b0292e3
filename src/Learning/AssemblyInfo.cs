using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MusicClustering.Learning.Tests")]

namespace MusicClustering.Learning;

internal static class AssemblyMarker { }
