using System.Globalization;
using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>A CSV's numeric columns as a row-major matrix; columns with any non-numeric cell (ids, labels) are dropped.</summary>
public sealed record NumericCsv(float[] Data, int Rows, IReadOnlyList<string> Columns)
{
    public static NumericCsv Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static NumericCsv Parse(IEnumerable<string> lines) => Parse(new StringReader(string.Join('\n', lines)));

    /// <summary>The first record is the header. Records are split by the shared RFC 4180 <see cref="CsvReader"/>.</summary>
    public static NumericCsv Parse(TextReader text)
    {
        var records = CsvReader.Read(text)
            .Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)))
            .Select(r => r.Fields.ToArray())
            .ToList();
        if (records.Count == 0)
        {
            throw new InvalidDataException("The CSV is empty.");
        }

        var header = records[0].Select(h => h.Trim()).ToArray();
        var cells = records.Skip(1).ToList();
        var ragged = cells.FindIndex(row => row.Length != header.Length);
        if (ragged >= 0)
        {
            throw new InvalidDataException($"Row {ragged + 1} has {cells[ragged].Length} cells, the header {header.Length}.");
        }

        var numeric = Enumerable.Range(0, header.Length).Where(c => cells.All(row => TryParse(row[c], out _))).ToArray();
        if (cells.Count == 0 || numeric.Length == 0)
        {
            throw new InvalidDataException("The CSV has no numeric data.");
        }

        var data = new float[cells.Count * numeric.Length];
        for (var r = 0; r < cells.Count; r++)
        {
            for (var c = 0; c < numeric.Length; c++)
            {
                TryParse(cells[r][numeric[c]], out data[(r * numeric.Length) + c]);
            }
        }

        return new NumericCsv(data, cells.Count, numeric.Select(c => header[c]).ToList());
    }

    private static bool TryParse(string cell, out float value) =>
        float.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
}
