namespace HyperNest.Shell.Commands.Network;

/// <summary>What Invoke-WebRequest returns: the parts of BasicHtmlWebResponseObject scripts use.</summary>
public sealed record WebResponseObject(int StatusCode, string StatusDescription, string Content, long RawContentLength, IReadOnlyDictionary<string, string> Headers);
