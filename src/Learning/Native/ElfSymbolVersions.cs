namespace MusicClustering.Learning;

/// <summary>One Vernaux entry of <c>.gnu.version_r</c>: a symbol version required from a needed library.</summary>
/// <param name="FlagsOffset">File offset of <c>vna_flags</c>, so a patcher can flip bits in place.</param>
public sealed record ElfVersionNeed(string File, string Name, ushort Flags, ushort Index, int FlagsOffset);

/// <summary>Reads the GNU symbol-versioning tables (<c>.gnu.version_d</c>, <c>.gnu.version_r</c>, <c>.gnu.version</c>) and DT_NEEDED.</summary>
public static class ElfSymbolVersions
{
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;
    private const int SymbolSize = 24;
    private const long DtNeeded = 1;

    /// <summary>Version names a library defines (what it can satisfy), e.g. <c>GLIBCXX_3.4.30</c>.</summary>
    public static IReadOnlyList<string> ReadDefinitions(byte[] elf)
    {
        var image = ElfImage.Parse(elf);
        var section = image.FindSection(ElfImage.SectionTypeGnuVerDef);
        if (section is null)
        {
            return [];
        }

        var strings = image.LinkedSection(section);
        var names = new List<string>();
        var offset = section.Offset;
        for (var i = 0; i < section.Info; i++)
        {
            // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
            var auxCount = image.ReadUInt16(offset + 6);
            var auxOffset = offset + (int)image.ReadUInt32(offset + 12);
            var next = image.ReadUInt32(offset + 16);
            if (auxCount > 0)
            {
                // The first Verdaux names the version itself; later ones name its predecessors.
                names.Add(image.ReadString(strings, image.ReadUInt32(auxOffset)));
            }

            if (next == 0)
            {
                break;
            }

            offset += (int)next;
        }

        return names;
    }

    /// <summary>Every version requirement, walking the Verneed chain and each entry's Vernaux chain.</summary>
    public static IReadOnlyList<ElfVersionNeed> ReadNeeds(byte[] elf)
    {
        var image = ElfImage.Parse(elf);
        var section = image.FindSection(ElfImage.SectionTypeGnuVerNeed);
        if (section is null)
        {
            return [];
        }

        var strings = image.LinkedSection(section);
        var needs = new List<ElfVersionNeed>();
        var offset = section.Offset;
        for (var i = 0; i < section.Info; i++)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            image.Span(offset, VerneedSize);
            var auxCount = image.ReadUInt16(offset + 2);
            var file = image.ReadString(strings, image.ReadUInt32(offset + 4));
            var auxOffset = offset + (int)image.ReadUInt32(offset + 8);
            for (var j = 0; j < auxCount; j++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                image.Span(auxOffset, VernauxSize);
                needs.Add(new ElfVersionNeed(
                    file,
                    image.ReadString(strings, image.ReadUInt32(auxOffset + 8)),
                    image.ReadUInt16(auxOffset + 4),
                    image.ReadUInt16(auxOffset + 6),
                    auxOffset + 4));
                var auxNext = image.ReadUInt32(auxOffset + 12);
                if (auxNext == 0)
                {
                    break;
                }

                auxOffset += (int)auxNext;
            }

            var next = image.ReadUInt32(offset + 12);
            if (next == 0)
            {
                break;
            }

            offset += (int)next;
        }

        return needs;
    }

    /// <summary>Names of the dynamic symbols whose <c>.gnu.version</c> entry carries <paramref name="versionIndex"/>.</summary>
    public static IReadOnlyList<string> SymbolsWithVersion(byte[] elf, ushort versionIndex)
    {
        var image = ElfImage.Parse(elf);
        var versym = image.FindSection(ElfImage.SectionTypeGnuVerSym);
        var dynsym = image.FindSection(ElfImage.SectionTypeDynSym);
        if (versym is null || dynsym is null)
        {
            return [];
        }

        var strings = image.LinkedSection(dynsym);
        var count = dynsym.Size / SymbolSize;
        if (versym.Size / 2 != count)
        {
            throw new InvalidDataException(".gnu.version and .dynsym disagree on the symbol count.");
        }

        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            // Bit 15 marks a hidden version; the low 15 bits are the index.
            if ((image.ReadUInt16(versym.Offset + (2 * i)) & 0x7fff) == versionIndex)
            {
                names.Add(image.ReadString(strings, image.ReadUInt32(dynsym.Offset + (i * SymbolSize))));
            }
        }

        return names;
    }

    /// <summary>DT_NEEDED entries of the dynamic section: the libraries the loader must find first.</summary>
    public static IReadOnlyList<string> ReadNeededLibraries(byte[] elf)
    {
        var image = ElfImage.Parse(elf);
        var dynamic = image.FindSection(ElfImage.SectionTypeDynamic);
        if (dynamic is null)
        {
            return [];
        }

        var strings = image.LinkedSection(dynamic);
        var libraries = new List<string>();
        for (var offset = dynamic.Offset; offset + 16 <= dynamic.Offset + dynamic.Size; offset += 16)
        {
            var tag = (long)image.ReadUInt64(offset);
            if (tag == 0)
            {
                break;
            }

            if (tag == DtNeeded)
            {
                libraries.Add(image.ReadString(strings, (uint)image.ReadUInt64(offset + 8)));
            }
        }

        return libraries;
    }
}
