namespace Collections.Tests.Support;

public static class Repository
{
    /// <summary>The checkout's root: the nearest folder up from the test binaries holding Collections.sln.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string from) =>
        File.Exists(Path.Combine(from, "Collections.sln")) ? from
        : Find(Directory.GetParent(from)?.FullName ?? throw new DirectoryNotFoundException("Collections.sln not found above the test binaries."));
}
