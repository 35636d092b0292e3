using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MusicClustering.Analysis.Tests")]

namespace MusicClustering.Analysis;

internal static class AssemblyMarker { }
