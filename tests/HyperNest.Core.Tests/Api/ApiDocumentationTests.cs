using HyperNest.Service;

namespace HyperNest.Core.Tests.Api;

/// <summary>docs/api.md is the API's contract for other clients (a dashboard): every route the service serves is on it, and nothing else.</summary>
public sealed class ApiDocumentationTests
{
    [Fact]
    public void EveryRouteTheServiceServesIsDocumentedAndEveryDocumentedRouteIsServed()
    {
        var served = ApiServer.CreateRouter().Routes.Select(r => $"{r.Method} {r.Template}").ToHashSet(StringComparer.Ordinal);
        var documented = File.ReadLines(FindDocs())
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('`')[1].Split('?')[0])
            .Where(route => route.Contains(" /v1/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(served.Except(documented));
        Assert.Empty(documented.Except(served));
    }

    private static string FindDocs()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "api.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/api.md was not found above the test's folder.");
    }
}
