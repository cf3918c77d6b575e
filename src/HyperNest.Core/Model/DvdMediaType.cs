namespace HyperNest.Model;

/// <summary>Hyper-V's DvdMediaType: what a DVD drive holds. HyperNest drives hold an ISO file or nothing (no host pass-through).</summary>
public enum DvdMediaType
{
    None,
    ISO,
    PassThrough,
}
