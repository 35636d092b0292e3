using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MusicClustering.Audio.Tests")]
