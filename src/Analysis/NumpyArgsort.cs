namespace MusicClustering.Analysis;

/// <summary>
/// Port of numpy 1.24's default argsort (introsort: median-of-3 quicksort, insertion sort for partitions of at most 16 elements (SMALL_QUICKSORT 15),
/// heapsort past the depth limit). It is not stable, so reproducing it reproduces sklearn's tie order.
/// </summary>
internal static class NumpyArgsort
{
    private const int SmallQuicksort = 15;

    public static int[] Argsort(long[] v)
    {
        int num = v.Length;
        var tosort = Enumerable.Range(0, num).ToArray();
        if (num < 2)
        {
            return tosort;
        }
        var stack = new Stack<(int Left, int Right, int Depth)>();
        int pl = 0;
        int pr = num - 1;
        int depth = MostSignificantBit(num) * 2;
        while (true)
        {
            if (depth < 0)
            {
                HeapSort(v, tosort, pl, pr - pl + 1);
            }
            else
            {
                while (pr - pl > SmallQuicksort)
                {
                    int pm = pl + ((pr - pl) >> 1);
                    if (v[tosort[pm]] < v[tosort[pl]])
                    {
                        Swap(tosort, pm, pl);
                    }
                    if (v[tosort[pr]] < v[tosort[pm]])
                    {
                        Swap(tosort, pr, pm);
                    }
                    if (v[tosort[pm]] < v[tosort[pl]])
                    {
                        Swap(tosort, pm, pl);
                    }
                    long pivot = v[tosort[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    Swap(tosort, pm, pj);
                    while (true)
                    {
                        do
                        {
                            pi++;
                        }
                        while (v[tosort[pi]] < pivot);
                        do
                        {
                            pj--;
                        }
                        while (pivot < v[tosort[pj]]);
                        if (pi >= pj)
                        {
                            break;
                        }
                        Swap(tosort, pi, pj);
                    }
                    Swap(tosort, pi, pr - 1);
                    // Push the larger partition, keep sorting the smaller one.
                    if (pi - pl < pr - pi)
                    {
                        stack.Push((pi + 1, pr, --depth));
                        pr = pi - 1;
                    }
                    else
                    {
                        stack.Push((pl, pi - 1, --depth));
                        pl = pi + 1;
                    }
                }
                InsertionSort(v, tosort, pl, pr);
            }
            if (stack.Count == 0)
            {
                break;
            }
            (pl, pr, depth) = stack.Pop();
        }
        return tosort;
    }

    private static void InsertionSort(long[] v, int[] tosort, int pl, int pr)
    {
        for (int pi = pl + 1; pi <= pr; pi++)
        {
            int vi = tosort[pi];
            long vp = v[vi];
            int pj = pi;
            while (pj > pl && vp < v[tosort[pj - 1]])
            {
                tosort[pj] = tosort[pj - 1];
                pj--;
            }
            tosort[pj] = vi;
        }
    }

    /// <summary>numpy's aheapsort on tosort[start..start+n), using its 1-based heap indexing.</summary>
    private static void HeapSort(long[] v, int[] tosort, int start, int n)
    {
        int A(int i) => tosort[start + i - 1];
        void Set(int i, int value) => tosort[start + i - 1] = value;

        for (int l = n >> 1; l > 0; l--)
        {
            int tmp = A(l);
            int i = l;
            for (int j = l << 1; j <= n;)
            {
                if (j < n && v[A(j)] < v[A(j + 1)])
                {
                    j++;
                }
                if (v[tmp] < v[A(j)])
                {
                    Set(i, A(j));
                    i = j;
                    j += j;
                }
                else
                {
                    break;
                }
            }
            Set(i, tmp);
        }
        for (; n > 1;)
        {
            int tmp = A(n);
            Set(n, A(1));
            n--;
            int i = 1;
            for (int j = 2; j <= n;)
            {
                if (j < n && v[A(j)] < v[A(j + 1)])
                {
                    j++;
                }
                if (v[tmp] < v[A(j)])
                {
                    Set(i, A(j));
                    i = j;
                    j += j;
                }
                else
                {
                    break;
                }
            }
            Set(i, tmp);
        }
    }

    private static int MostSignificantBit(int num)
    {
        int depth = 0;
        while ((num >>= 1) != 0)
        {
            depth++;
        }
        return depth;
    }

    private static void Swap(int[] a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
