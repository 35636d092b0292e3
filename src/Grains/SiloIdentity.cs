namespace MusicClustering.Grains;

/// <summary>A stable, readable name for the silo a grain runs on, as reported in results (<c>silos_used</c>).</summary>
internal static class SiloIdentity
{
    public static string Describe(ILocalSiloDetails silo) => $"{silo.Name}@{silo.SiloAddress.Endpoint}";
}
