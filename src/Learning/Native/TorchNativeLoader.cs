using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using TorchSharp;

namespace MusicClustering.Learning;

/// <summary>
/// The one place to call before touching TorchSharp. On hosts whose libstdc++ predates GLIBCXX_3.4.32 (Debian 12)
/// the shipped libLibTorchSharp.so refuses to load only because of the link-time anchor
/// <c>std::ios_base_library_init</c>; this loads a copy with that single requirement marked weak.
/// </summary>
public static class TorchNativeLoader
{
    public const string MissingVersion = "GLIBCXX_3.4.32";
    public const string AnchorSymbol = "_ZSt21ios_base_library_initv";
    private const string LibraryName = "LibTorchSharp";
    private const string LibraryFile = "libLibTorchSharp.so";

    private static readonly Lock Gate = new();
    private static bool _done;
    private static IntPtr _handle;
    private static string _status = "not loaded yet";

    /// <summary>What <see cref="EnsureLoaded"/> decided and which file backs TorchSharp, for logs and diagnostics.</summary>
    public static string Status
    {
        get
        {
            lock (Gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Full path of the native library in use, or null when TorchSharp's default loading is used.</summary>
    public static string? LoadedPath { get; private set; }

    /// <summary>Whether the native heap keeps torch's per-step blocks (<see cref="NativeHeapTuning"/>).</summary>
    public static bool HeapTuned { get; private set; }

    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            try
            {
                HeapTuned = NativeHeapTuning.Apply();
                _status = Decide();
                _done = true;
            }
            catch (Exception error)
            {
                // Leave _done unset so a later call can retry (e.g. after the cache became writable).
                _status = $"failed: {error.Message}";
                throw;
            }
        }
    }

    private static string Decide()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "default TorchSharp loading (not Linux)";
        }

        var host = HostLibraryLocator.Locate("libstdc++.so.6");
        if (host is null)
        {
            return "default TorchSharp loading (host libstdc++.so.6 not found)";
        }

        if (ElfSymbolVersions.ReadDefinitions(File.ReadAllBytes(host)).Contains(MissingVersion))
        {
            return $"default TorchSharp loading ({host} provides {MissingVersion})";
        }

        var original = FindOriginal()
            ?? throw new FileNotFoundException($"{LibraryFile} not found next to the application or TorchSharp.dll.");
        var originalBytes = File.ReadAllBytes(original);
        var patchedPath = PatchedLibraryCache.GetOrCreate(
            originalBytes, LibraryFile, MissingVersion, [AnchorSymbol], NativeCacheDirectory.Roots());

        // The copy's RUNPATH ($ORIGIN) points at the cache, so bind its libtorch dependencies from the original folder first;
        // the loader then matches DT_NEEDED by soname against these already-loaded objects.
        var folder = Path.GetDirectoryName(original)!;
        foreach (var needed in ElfSymbolVersions.ReadNeededLibraries(originalBytes))
        {
            var candidate = Path.Combine(folder, needed);
            if (File.Exists(candidate))
            {
                NativeLibrary.Load(candidate);
            }
        }

        _handle = NativeLibrary.Load(patchedPath);
        LoadedPath = patchedPath;
        Hook(typeof(torch).Assembly);
        return $"patched copy {patchedPath} (original {original}; {host} lacks {MissingVersion})";
    }

    private static string? FindOriginal()
    {
        var torchSharpFolder = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;
        string[] folders =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
            Path.Combine(torchSharpFolder, "runtimes", "linux-x64", "native"),
            torchSharpFolder,
        ];
        return folders.Select(f => Path.Combine(f, LibraryFile)).FirstOrDefault(File.Exists);
    }

    private static void Hook(Assembly torchSharp)
    {
        try
        {
            // Runs before default probing for TorchSharp's own [DllImport]s.
            NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => Resolve(name));
        }
        catch (InvalidOperationException)
        {
            // Someone else owns the resolver; the fallback event below still covers failed probes.
        }

        // Fires when default probing fails, which also covers TorchSharp's explicit NativeLibrary.TryLoad(name, assembly).
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) => Resolve(name);
    }

    private static IntPtr Resolve(string name) =>
        name is LibraryName or LibraryFile ? _handle : IntPtr.Zero;
}
