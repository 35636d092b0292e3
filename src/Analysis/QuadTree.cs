namespace MusicClustering.Analysis;

/// <summary>2-D Barnes–Hut tree: each cell keeps its point count and centre of mass for far-field summaries; read-only after construction.</summary>
internal sealed class QuadTree
{
    private const int MaxDepth = 50;

    private readonly double[] _y;
    private readonly Node[] _nodes;
    private Cell[] _cells;
    private int _count;

    public QuadTree(double[] y, int n)
    {
        _y = y;
        _cells = new Cell[Math.Max(16, 4 * n)];
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, y[2 * i]);
            maxX = Math.Max(maxX, y[2 * i]);
            minY = Math.Min(minY, y[2 * i + 1]);
            maxY = Math.Max(maxY, y[2 * i + 1]);
        }
        double half = Math.Max(Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-5), 1e-12);
        AddCell((minX + maxX) / 2, (minY + maxY) / 2, half);
        for (int i = 0; i < n; i++)
        {
            Insert(i);
        }
        // The traversal reads a compact copy: centre of mass (not sums), squared width, count and first child.
        _nodes = new Node[_count];
        for (int c = 0; c < _count; c++)
        {
            ref Cell cell = ref _cells[c];
            double count = Math.Max(cell.Count, 1);
            _nodes[c] = new Node
            {
                X = cell.SumX / count, Y = cell.SumY / count, WidthSquared = 4 * cell.Half * cell.Half, Count = cell.Count, FirstChild = cell.FirstChild,
            };
        }
        _cells = [];
    }

    /// <summary>
    /// Adds Σ q²·(y_i − y_j) over far cells into (forceX, forceY) and returns Σ q (the point's share of Z), excluding i
    /// itself. <paramref name="stack"/> is the caller's scratch, so threads can share one tree.
    /// </summary>
    public double Repulsion(int i, double thetaSquared, ref int[] stack, out double forceX, out double forceY)
    {
        double px = _y[2 * i];
        double py = _y[2 * i + 1];
        double sumQ = 0;
        double fx = 0;
        double fy = 0;
        var nodes = _nodes;
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            ref Node node = ref nodes[stack[--top]];
            double dx = px - node.X;
            double dy = py - node.Y;
            double dist2 = dx * dx + dy * dy;
            if (node.FirstChild < 0 || node.WidthSquared < thetaSquared * dist2)
            {
                // A leaf holds one position (exact duplicates share it): i is inside iff it sits exactly there.
                double count = node.FirstChild < 0 && dist2 == 0 ? node.Count - 1 : node.Count;
                if (count > 0)
                {
                    double q = 1.0 / (1.0 + dist2);
                    sumQ += count * q;
                    double mult = count * q * q;
                    fx += mult * dx;
                    fy += mult * dy;
                }
                continue;
            }
            if (top + 4 > stack.Length)
            {
                Array.Resize(ref stack, stack.Length * 2);
            }
            int first = node.FirstChild;
            for (int c = first; c < first + 4; c++)
            {
                if (nodes[c].Count > 0)
                {
                    stack[top++] = c;
                }
            }
        }
        forceX = fx;
        forceY = fy;
        return sumQ;
    }

    private void Insert(int point)
    {
        int index = 0;
        for (int depth = 0; ; depth++)
        {
            ref Cell cell = ref _cells[index];
            cell.Count++;
            cell.SumX += _y[2 * point];
            cell.SumY += _y[2 * point + 1];
            if (cell.FirstChild < 0)
            {
                bool empty = cell.Count == 1;
                if (empty || depth >= MaxDepth || IsDuplicate(cell.Point, point))
                {
                    // Exact duplicates (or the depth cap) share one leaf.
                    if (empty)
                    {
                        cell.Point = point;
                    }
                    return;
                }
                int existing = cell.Point;
                int existingCount = cell.Count - 1;
                Split(index);
                cell = ref _cells[index];
                int target = cell.FirstChild + Quadrant(index, existing);
                ref Cell child = ref _cells[target];
                child.Count = existingCount;
                child.SumX = existingCount * _y[2 * existing];
                child.SumY = existingCount * _y[2 * existing + 1];
                child.Point = existing;
            }
            index = cell.FirstChild + Quadrant(index, point);
        }
    }

    private bool IsDuplicate(int a, int b) => _y[2 * a] == _y[2 * b] && _y[2 * a + 1] == _y[2 * b + 1];

    private void Split(int index)
    {
        Cell parent = _cells[index];
        double h = parent.Half / 2;
        int first = _count;
        for (int q = 0; q < 4; q++)
        {
            AddCell(parent.CenterX + ((q & 1) == 0 ? -h : h), parent.CenterY + ((q & 2) == 0 ? -h : h), h);
        }
        _cells[index].FirstChild = first;
    }

    private void AddCell(double centerX, double centerY, double half)
    {
        if (_count == _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }
        _cells[_count++] = new Cell { CenterX = centerX, CenterY = centerY, Half = half, FirstChild = -1, Point = -1 };
    }

    private int Quadrant(int index, int point) =>
        (_y[2 * point] >= _cells[index].CenterX ? 1 : 0) | (_y[2 * point + 1] >= _cells[index].CenterY ? 2 : 0);

    private struct Node
    {
        public double X;
        public double Y;
        public double WidthSquared;
        public int Count;
        public int FirstChild;
    }

    private struct Cell
    {
        public double CenterX;
        public double CenterY;
        public double Half;
        public int Count;
        public double SumX;
        public double SumY;
        public int FirstChild;
        public int Point;
    }
}
