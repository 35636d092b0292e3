using System.Text;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks), each with its starting line.</summary>
public static class CsvReader
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        int line = 1;
        int c = reader.Read();
        if (c == '\uFEFF')
        {
            c = reader.Read();
        }
        while (c != -1)
        {
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool endOfRecord = false;
            while (!endOfRecord)
            {
                if (c == '"' && field.Length == 0)
                {
                    c = ReadQuoted(reader, field, ref line, start);
                }
                else
                {
                    while (c is not (-1 or ',' or '\r' or '\n'))
                    {
                        field.Append((char)c);
                        c = reader.Read();
                    }
                }
                fields.Add(field.ToString());
                field.Clear();
                switch (c)
                {
                    case ',':
                        c = reader.Read();
                        break;
                    case '\r' or '\n':
                        if (c == '\r' && reader.Peek() == '\n')
                        {
                            reader.Read();
                        }
                        line++;
                        c = reader.Read();
                        endOfRecord = true;
                        break;
                    case -1:
                        endOfRecord = true;
                        break;
                    default:
                        throw new FormatException($"Line {line}: unexpected character '{(char)c}' after a closing quote.");
                }
            }
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }
            yield return (start, fields);
        }
    }

    /// <summary>Reads a quoted field after its opening quote; returns the character after the closing quote.</summary>
    private static int ReadQuoted(TextReader reader, StringBuilder field, ref int line, int start)
    {
        while (true)
        {
            int c = reader.Read();
            if (c == -1)
            {
                throw new FormatException($"Line {start}: quoted field is never closed.");
            }
            if (c == '"')
            {
                int next = reader.Read();
                if (next != '"')
                {
                    return next;
                }
                field.Append('"');
                continue;
            }
            if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
            {
                line++;
            }
            field.Append((char)c);
        }
    }
}
