namespace HyperNest.Images;

/// <summary>
/// mmdebstrap from the machine's own apt sources (no mirror argument: mmdebstrap then reads the
/// host's /etc/apt/sources.list*). The "essential" variant plus the recipe's packages keeps the
/// root small; apt resolves their dependencies.
/// </summary>
internal static class RootfsBootstrapper
{
    /// <summary>mmdebstrap's phase messages and how far (0-100) into the bootstrap each one starts.</summary>
    private static readonly (string Phase, int Percent)[] Phases =
    [
        ("running apt-get update", 5),
        ("downloading packages", 10),
        ("extracting archives", 20),
        ("installing essential packages", 40),
        ("installing remaining packages", 60),
        ("cleaning package lists", 95),
    ];

    /// <param name="status">Receives each phase message and the bootstrap's progress in percent.</param>
    public static void Bootstrap(ImageRecipe recipe, string targetDir, TextWriter log, Action<string, int> status, CancellationToken cancellationToken)
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
        // Debian's kernel postinst hook (/etc/kernel/postinst.d/initramfs-tools) skips mkinitramfs when
        // INITRD=No; the guest boots our own initramfs, so Debian's would only cost build time and disk.
        // mmdebstrap (root mode) passes its environment into the chroot.
        var environment = new Dictionary<string, string> { ["INITRD"] = "No" };
        var percent = 0;
        ExternalTool.Run("mmdebstrap", arguments, log, cancellationToken, line =>
        {
            // mmdebstrap reports its phases as "I: ..." lines.
            if (line.StartsWith("I: ", StringComparison.Ordinal))
            {
                var message = line[3..];
                var phase = Phases.LastOrDefault(p => message.StartsWith(p.Phase, StringComparison.Ordinal));
                percent = Math.Max(percent, phase.Phase is null ? percent : phase.Percent);
                status(message, percent);
            }
        }, environment);
    }
}
