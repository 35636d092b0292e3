using MusicClustering.Contracts;

namespace MusicClustering.Storage.Tests;

/// <summary>A silo reads in-place files only under its library roots: no absolute path, no "..", no link out of the root.</summary>
public sealed class LibraryRootsTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("mc-roots-").FullName;
    private readonly string _root;
    private readonly string _outside;
    private readonly LibraryRoots _roots;

    public LibraryRootsTests()
    {
        _root = Directory.CreateDirectory(Path.Combine(_base, "music")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_base, "private")).FullName;
        File.WriteAllText(Path.Combine(_outside, "secret.wav"), "secret");
        Directory.CreateDirectory(Path.Combine(_root, "jazz"));
        File.WriteAllText(Path.Combine(_root, "jazz", "a.wav"), "a");
        _roots = new LibraryRoots(new Dictionary<string, string> { ["music"] = _root });
    }

    [Fact]
    public void A_file_under_the_root_resolves_to_its_canonical_path()
    {
        Assert.Equal(Path.Combine(_root, "jazz", "a.wav"), _roots.Resolve(new LibraryFile("music", "jazz/a.wav")));
    }

    [Theory]
    [InlineData("../private/secret.wav", "'..' segment")]
    [InlineData("jazz/../../private/secret.wav", "'..' segment")]
    [InlineData("./jazz/a.wav", "'.' segment")]
    [InlineData("jazz//a.wav", "empty")]
    [InlineData("..\\private\\secret.wav", "backslash")]
    [InlineData("", "empty")]
    public void Traversal_is_refused(string relative, string why)
    {
        var error = Assert.Throws<LibraryPathException>(() => _roots.Resolve(new LibraryFile("music", relative)));
        Assert.Equal(LibraryPathException.Refused, error.Reason);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_path_is_refused_even_when_it_lies_inside_the_root()
    {
        foreach (var path in new[] { Path.Combine(_outside, "secret.wav"), Path.Combine(_root, "jazz", "a.wav") })
        {
            var error = Assert.Throws<LibraryPathException>(() => _roots.Resolve(new LibraryFile("music", path)));
            Assert.Equal(LibraryPathException.Refused, error.Reason);
            Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_link_out_of_the_root_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "leak.wav"), Path.Combine(_outside, "secret.wav"));
        var error = Assert.Throws<LibraryPathException>(() => _roots.Resolve(new LibraryFile("music", "leak.wav")));
        Assert.Equal(LibraryPathException.Refused, error.Reason);
        Assert.Contains("symbolic link leads out of library root 'music'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_link_out_of_the_root_is_refused_for_the_files_beneath_it()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "shared"), _outside);
        var error = Assert.Throws<LibraryPathException>(() => _roots.Resolve(new LibraryFile("music", "shared/secret.wav")));
        Assert.Equal(LibraryPathException.Refused, error.Reason);
    }

    [Fact]
    public void A_relative_link_climbing_out_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "jazz", "up.wav"), "../../private/secret.wav");
        Assert.Equal(LibraryPathException.Refused, Assert.Throws<LibraryPathException>(() => _roots.Resolve(new LibraryFile("music", "jazz/up.wav"))).Reason);
    }

    [Fact]
    public void A_link_inside_the_root_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "alias.wav"), Path.Combine(_root, "jazz", "a.wav"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "also-jazz"), "jazz");
        Assert.Equal(Path.Combine(_root, "jazz", "a.wav"), _roots.Resolve(new LibraryFile("music", "alias.wav")));
        Assert.Equal(Path.Combine(_root, "jazz", "a.wav"), _roots.Resolve(new LibraryFile("music", "also-jazz/a.wav")));
        using var stream = _roots.OpenRead(new LibraryFile("music", "alias.wav"));
        Assert.Equal((int)'a', stream.ReadByte());
    }

    [Fact]
    public void A_root_that_is_itself_a_link_works_and_still_confines()
    {
        var link = Path.Combine(_base, "music-link");
        Directory.CreateSymbolicLink(link, _root);
        var roots = new LibraryRoots(new Dictionary<string, string> { ["music"] = link });
        Assert.Equal(Path.Combine(_root, "jazz", "a.wav"), roots.Resolve(new LibraryFile("music", "jazz/a.wav")));
        Assert.Throws<LibraryPathException>(() => roots.Resolve(new LibraryFile("music", "../private/secret.wav")));
    }

    [Fact]
    public void A_missing_file_and_an_unknown_root_each_say_so()
    {
        var missing = Assert.Throws<LibraryPathException>(() => _roots.OpenRead(new LibraryFile("music", "jazz/gone.wav")));
        Assert.Equal(LibraryPathException.Missing, missing.Reason);
        Assert.Contains("'jazz/gone.wav' does not exist under library root 'music'", missing.Message, StringComparison.Ordinal);

        var dangling = Path.Combine(_root, "dangling.wav");
        File.CreateSymbolicLink(dangling, Path.Combine(_root, "nowhere.wav"));
        Assert.Equal(LibraryPathException.Missing, Assert.Throws<LibraryPathException>(() => _roots.Resolve(new LibraryFile("music", "dangling.wav"))).Reason);

        var unknown = Assert.Throws<LibraryPathException>(() => _roots.Resolve(new LibraryFile("films", "a.wav")));
        Assert.Equal(LibraryPathException.UnknownRoot, unknown.Reason);
        Assert.Contains("library root 'films' is not configured on this silo (configured: music", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("../x")]
    [InlineData("")]
    public void Root_names_and_folders_are_checked_at_start_up(string name)
    {
        Assert.Throws<ArgumentException>(() => new LibraryRoots(new Dictionary<string, string> { [name] = _root }));
        Assert.Throws<ArgumentException>(() => new LibraryRoots(new Dictionary<string, string> { ["music"] = "relative/folder" }));
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);
}
