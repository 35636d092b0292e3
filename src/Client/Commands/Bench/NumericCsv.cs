using System.Globalization;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>A CSV's numeric columns as a row-major matrix; columns with any non-numeric cell (ids, labels) are dropped.</summary>
public sealed record NumericCsv(float[] Data, int Rows, IReadOnlyList<string> Columns)
{
    public static NumericCsv Read(string path) => Parse(File.ReadLines(path));

    /// <summary>The first line is the header. Cells are split on commas (no quoting: feature tables have none).</summary>
    public static NumericCsv Parse(IEnumerable<string> lines)
    {
        using var reader = lines.GetEnumerator();
        if (!reader.MoveNext())
        {
            throw new InvalidDataException("The CSV is empty.");
        }

        var header = reader.Current.Split(',').Select(h => h.Trim()).ToArray();
        var cells = new List<string[]>();
        while (reader.MoveNext())
        {
            if (string.IsNullOrWhiteSpace(reader.Current))
            {
                continue;
            }

            var row = reader.Current.Split(',');
            if (row.Length != header.Length)
            {
                throw new InvalidDataException($"Row {cells.Count + 1} has {row.Length} cells, the header {header.Length}.");
            }

            cells.Add(row);
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
