using System.Security.Cryptography;


namespace MusicClustering.Learning.Tests;

public sealed class ElfVersionNeedPatcherTests
{
    private static readonly string TorchSharpNative =
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void Reads_the_GLIBCXX_3_4_32_requirement_bound_only_to_the_ios_base_anchor()
    {
        var bytes = File.ReadAllBytes(TorchSharpNative);

        var needs = ElfSymbolVersions.ReadNeeds(bytes);
        var need = Assert.Single(needs, n => n.Name == TorchNativeLoader.MissingVersion);

        Assert.Equal("libstdc++.so.6", need.File);
        Assert.Equal(0, need.Flags & ElfVersionNeedPatcher.VersionFlagWeak);
        Assert.Contains(needs, n => n.Name == "GLIBC_2.2.5");
        Assert.True(needs.Count > 10, $"only {needs.Count} requirements parsed");
        Assert.Equal([TorchNativeLoader.AnchorSymbol], ElfSymbolVersions.SymbolsWithVersion(bytes, need.Index));
    }

    [Fact]
    public void Patch_sets_the_weak_flag_and_changes_nothing_else()
    {
        var before = SHA256.HashData(File.ReadAllBytes(TorchSharpNative));
        var original = File.ReadAllBytes(TorchSharpNative);

        var patched = ElfVersionNeedPatcher.Patch(original, TorchNativeLoader.MissingVersion, [TorchNativeLoader.AnchorSymbol]);

        var need = Assert.Single(ElfSymbolVersions.ReadNeeds(patched), n => n.Name == TorchNativeLoader.MissingVersion);
        Assert.Equal(ElfVersionNeedPatcher.VersionFlagWeak, need.Flags & ElfVersionNeedPatcher.VersionFlagWeak);
        Assert.Equal(original.Length, patched.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Equal([need.FlagsOffset], differing);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(TorchSharpNative)));
    }

    [Fact]
    public void Patch_refuses_when_the_version_binds_a_symbol_that_is_not_allowed()
    {
        var original = File.ReadAllBytes(TorchSharpNative);

        var error = Assert.Throws<InvalidOperationException>(
            () => ElfVersionNeedPatcher.Patch(original, TorchNativeLoader.MissingVersion, ["something_else"]));

        Assert.Contains(TorchNativeLoader.AnchorSymbol, error.Message);
    }

    [Fact]
    public void Patch_refuses_an_unknown_version()
    {
        var original = File.ReadAllBytes(TorchSharpNative);

        Assert.Throws<InvalidOperationException>(
            () => ElfVersionNeedPatcher.Patch(original, "GLIBCXX_9.9.9", [TorchNativeLoader.AnchorSymbol]));
    }

    [Fact]
    public void Reads_needed_libraries_of_the_TorchSharp_native_library()
    {
        var needed = ElfSymbolVersions.ReadNeededLibraries(File.ReadAllBytes(TorchSharpNative));

        Assert.Contains("libtorch_cpu.so", needed);
        Assert.Contains("libstdc++.so.6", needed);
    }

    [Fact]
    public void Host_libstdcpp_defines_its_GLIBCXX_versions()
    {
        var host = HostLibraryLocator.Locate("libstdc++.so.6");
        Assert.NotNull(host);

        var definitions = ElfSymbolVersions.ReadDefinitions(File.ReadAllBytes(host));

        Assert.Contains("GLIBCXX_3.4", definitions);
        Assert.Contains("CXXABI_1.3", definitions);
        Assert.True(definitions.Count(d => d.StartsWith("GLIBCXX_", StringComparison.Ordinal)) > 20);
    }

    [Fact]
    public void Rejects_a_file_that_is_not_ELF()
    {
        Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.ReadNeeds(new byte[128]));
    }
}
