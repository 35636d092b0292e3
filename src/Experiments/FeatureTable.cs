using System.Globalization;
using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Experiments;

/// <summary>
/// A precomputed features table (e.g. GTZAN's <c>features_30_sec.csv</c>): an id column, an optional label column,
/// and numeric feature columns. Columns named in <c>exclude</c> (metadata such as a clip's length) are left out.
/// </summary>
public sealed record FeatureTable(IReadOnlyList<string> Ids, IReadOnlyList<string?> Labels, IReadOnlyList<string> Columns, float[] Data)
{
    public int Rows => Ids.Count;

    public int Cols => Columns.Count;

    public static FeatureTable Load(string path, string idColumn, string? labelColumn, IReadOnlyCollection<string> exclude)
    {
        using var reader = new StreamReader(path);
        var records = CsvReader.Read(reader).ToList();
        if (records.Count < 2)
        {
            throw new FormatException($"{path}: needs a header and at least one row.");
        }

        var header = records[0].Fields;
        int Column(string name) => header.IndexOf(name) is var i and >= 0
            ? i
            : throw new FormatException($"{path}: no column '{name}' (columns: {string.Join(", ", header.Take(8))}, ...).");
        var idIndex = Column(idColumn);
        var labelIndex = labelColumn is null ? -1 : Column(labelColumn);
        var body = records.Skip(1).ToList();
        var featureIndexes = Enumerable.Range(0, header.Count)
            .Where(c => c != idIndex && c != labelIndex && !exclude.Contains(header[c]))
            .ToList();
        var data = new float[body.Count * featureIndexes.Count];
        for (var r = 0; r < body.Count; r++)
        {
            var (line, fields) = body[r];
            if (fields.Count != header.Count)
            {
                throw new FormatException($"{path}, line {line}: {fields.Count} cells, but the header has {header.Count}.");
            }

            for (var f = 0; f < featureIndexes.Count; f++)
            {
                var cell = fields[featureIndexes[f]];
                if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
                {
                    throw new FormatException($"{path}, line {line}: column '{header[featureIndexes[f]]}' is not a number: '{cell}'.");
                }

                data[(r * featureIndexes.Count) + f] = value;
            }
        }

        return new FeatureTable(
            body.Select(b => b.Fields[idIndex]).ToList(),
            body.Select(b => labelIndex < 0 ? null : b.Fields[labelIndex]).ToList(),
            featureIndexes.Select(i => header[i]).ToList(),
            data);
    }
}
