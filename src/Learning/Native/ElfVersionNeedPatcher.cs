namespace MusicClustering.Learning;

/// <summary>
/// Marks one symbol-version requirement weak (VER_FLG_WEAK) so the dynamic loader accepts an older provider.
/// Only safe when the version anchors nothing the library really calls; <see cref="Patch"/> checks exactly that.
/// </summary>
public static class ElfVersionNeedPatcher
{
    public const ushort VersionFlagWeak = 2;

    /// <summary>
    /// Returns a copy of <paramref name="elf"/> where the Vernaux entry named <paramref name="versionName"/> is weak.
    /// Refuses unless every dynamic symbol bound to that version is listed in <paramref name="allowedSymbols"/>.
    /// </summary>
    public static byte[] Patch(byte[] elf, string versionName, IReadOnlyCollection<string> allowedSymbols)
    {
        var matches = ElfSymbolVersions.ReadNeeds(elf).Where(n => n.Name == versionName).ToList();
        if (matches.Count != 1)
        {
            throw new InvalidOperationException($"Expected exactly one requirement of {versionName}, found {matches.Count}.");
        }

        var need = matches[0];
        var symbols = ElfSymbolVersions.SymbolsWithVersion(elf, need.Index);
        var unexpected = symbols.Where(s => !allowedSymbols.Contains(s)).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException(
                $"{versionName} also binds {string.Join(", ", unexpected)}; weakening it could break real calls.");
        }

        var patched = (byte[])elf.Clone();
        var flags = (ushort)(need.Flags | VersionFlagWeak);
        patched[need.FlagsOffset] = (byte)flags;
        patched[need.FlagsOffset + 1] = (byte)(flags >> 8);
        return patched;
    }
}
