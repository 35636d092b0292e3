using System.Globalization;

namespace MusicClustering.Learning.Tests;

/// <summary>Reads a CSV into a row-major float matrix, keeping only columns whose every value parses as a number.</summary>
internal static class NumericCsv
{
    public static (float[] Data, int Rows, int Columns, string[] Names) Read(string path, bool hasHeader = true)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var cells = lines.Skip(hasHeader ? 1 : 0).Select(l => l.Split(',')).ToList();
        var width = cells[0].Length;
        var header = hasHeader ? lines[0].Split(',') : Enumerable.Range(0, width).Select(i => $"c{i}").ToArray();
        var numeric = Enumerable.Range(0, width)
            .Where(c => cells.All(row => double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            .ToArray();
        var data = cells
            .SelectMany(row => numeric.Select(c => (float)double.Parse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture)))
            .ToArray();
        return (data, cells.Count, numeric.Length, numeric.Select(c => header[c]).ToArray());
    }
}
