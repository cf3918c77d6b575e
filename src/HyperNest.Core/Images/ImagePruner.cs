namespace HyperNest.Images;

/// <summary>
/// After a build: deletes the other builds of the same image that no VM uses any more. Each change of a
/// recipe (or of HyperNest, for the integration disk) would otherwise leave a full build behind.
/// </summary>
public static class ImagePruner
{
    /// <summary>The build directories deleted; none when what VMs use cannot be read (deleting then could break one).</summary>
    public static IReadOnlyList<string> Prune(ImageCache cache, string imageName, string keptHash)
    {
        var kept = cache.GetImageDirectory(imageName, keptHash);
        var others = cache.FindBuilds(imageName).Where(build => build != kept).ToList();
        if (others.Count == 0)
        {
            return [];
        }

        IReadOnlySet<string> referenced;
        try
        {
            referenced = new ImageReferences(cache).FindReferencedBuilds();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var deleted = new List<string>();
        foreach (var build in others.Where(build => !referenced.Contains(Path.GetFileName(build))))
        {
            try
            {
                if (cache.TryDelete(build))
                {
                    deleted.Add(build);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still unused after the next build, which tries again.
            }
        }

        return deleted;
    }
}
