using HyperNest.Hosting;

namespace HyperNest.Images;

/// <summary>
/// An exclusive lock on one image (name + recipe hash) so two processes never build it at once.
/// .NET takes flock(LOCK_EX) on Linux for FileShare.None; the kernel drops it when the process dies,
/// so a crashed build never leaves the image locked.
/// </summary>
public sealed class ImageBuildLock : IDisposable
{
    private readonly FileStream stream;

    private ImageBuildLock(FileStream stream) => this.stream = stream;

    public static ImageBuildLock? TryAcquire(string lockPath)
    {
        try
        {
            return new ImageBuildLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Waits (polling) until the lock is free; another process may be building the same image.</summary>
    public static ImageBuildLock Acquire(string lockPath, IProgress<string>? waiting, CancellationToken cancellationToken)
    {
        var announced = false;
        while (true)
        {
            var acquired = TryAcquire(lockPath);
            if (acquired is not null)
            {
                return acquired;
            }

            if (!announced)
            {
                waiting?.Report($"waiting for another process building this image ({lockPath})");
                announced = true;
            }

            try
            {
                Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).Wait(cancellationToken);
            }
            catch (OperationCanceledException e)
            {
                throw new HostException("Stopped waiting for the image build lock.", ErrorCategory.OperationStopped, "ImageBuildCancelled", lockPath, e);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
