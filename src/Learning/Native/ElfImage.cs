using System.Buffers.Binary;
using System.Text;

namespace MusicClustering.Learning;

/// <summary>Read-only view of a little-endian ELF64 file's section headers, enough to walk the dynamic-linking tables.</summary>
internal sealed class ElfImage
{
    public const uint SectionTypeDynamic = 6;
    public const uint SectionTypeDynSym = 11;
    public const uint SectionTypeGnuVerDef = 0x6ffffffd;
    public const uint SectionTypeGnuVerNeed = 0x6ffffffe;
    public const uint SectionTypeGnuVerSym = 0x6fffffff;

    private readonly byte[] _bytes;

    private ElfImage(byte[] bytes, IReadOnlyList<ElfSection> sections)
    {
        _bytes = bytes;
        Sections = sections;
    }

    public IReadOnlyList<ElfSection> Sections { get; }

    public static ElfImage Parse(byte[] bytes)
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw new InvalidDataException("Not an ELF file.");
        }

        // EI_CLASS 2 = 64-bit, EI_DATA 1 = little-endian: the only layout this product ships for.
        if (bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException("Only little-endian ELF64 is supported.");
        }

        var sectionHeaderOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28)));
        var sectionHeaderSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3a));
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3c));
        if (sectionHeaderSize < 64 || sectionHeaderOffset + ((long)sectionHeaderSize * sectionCount) > bytes.Length)
        {
            throw new InvalidDataException("Section header table lies outside the file.");
        }

        var sections = new ElfSection[sectionCount];
        for (var i = 0; i < sectionCount; i++)
        {
            var header = bytes.AsSpan(sectionHeaderOffset + (i * sectionHeaderSize), sectionHeaderSize);
            sections[i] = new ElfSection(
                Index: i,
                Type: BinaryPrimitives.ReadUInt32LittleEndian(header[4..]),
                Offset: checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..])),
                Size: checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..])),
                Link: BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]),
                Info: BinaryPrimitives.ReadUInt32LittleEndian(header[0x2c..]),
                EntrySize: checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x38..])));
        }

        return new ElfImage(bytes, sections);
    }

    public ElfSection? FindSection(uint type) => Sections.FirstOrDefault(s => s.Type == type);

    public ElfSection LinkedSection(ElfSection section) =>
        section.Link < Sections.Count ? Sections[(int)section.Link] : throw new InvalidDataException("Dangling sh_link.");

    public ReadOnlySpan<byte> Span(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset + (long)length > _bytes.Length)
        {
            throw new InvalidDataException("Structure lies outside the file.");
        }

        return _bytes.AsSpan(offset, length);
    }

    public ushort ReadUInt16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Span(offset, 2));

    public uint ReadUInt32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Span(offset, 4));

    public ulong ReadUInt64(int offset) => BinaryPrimitives.ReadUInt64LittleEndian(Span(offset, 8));

    /// <summary>Reads a NUL-terminated string at <paramref name="offset"/> inside a string-table section.</summary>
    public string ReadString(ElfSection stringTable, uint offset)
    {
        if (offset >= stringTable.Size)
        {
            throw new InvalidDataException("String offset outside its table.");
        }

        var table = Span(stringTable.Offset, stringTable.Size)[(int)offset..];
        var end = table.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? table : table[..end]);
    }
}

internal sealed record ElfSection(int Index, uint Type, int Offset, int Size, uint Link, uint Info, int EntrySize);
