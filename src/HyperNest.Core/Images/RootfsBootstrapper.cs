namespace HyperNest.Images;

/// <summary>
/// mmdebstrap from the machine's own apt sources (no mirror argument: mmdebstrap then reads the
/// host's /etc/apt/sources.list*). The "essential" variant plus the recipe's packages keeps the
/// root small; apt resolves their dependencies.
/// </summary>
internal static class RootfsBootstrapper
{
    public static void Bootstrap(ImageRecipe recipe, string targetDir, TextWriter log, Action<string> status, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "--variant=essential",
            "--include=" + string.Join(',', recipe.Packages.Append(recipe.KernelPackage).Distinct(StringComparer.Ordinal)),
        };
        foreach (var excluded in recipe.ExcludedPaths)
        {
            arguments.Add("--dpkgopt=path-exclude=" + excluded);
        }

        arguments.Add(recipe.Suite);
        arguments.Add(targetDir);
        ExternalTool.Run("mmdebstrap", arguments, log, cancellationToken, line =>
        {
            // mmdebstrap reports its phases as "I: ..." lines.
            if (line.StartsWith("I: ", StringComparison.Ordinal))
            {
                status(line[3..]);
            }
        });
    }
}
