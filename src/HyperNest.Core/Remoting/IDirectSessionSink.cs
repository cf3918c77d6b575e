namespace HyperNest.Remoting;

/// <summary>Where a <see cref="DirectConnection"/> delivers what the guest sends for one session.</summary>
public interface IDirectSessionSink
{
    /// <summary>One PSRP line from the session's server in the guest.</summary>
    void OnLine(string line);

    /// <summary>The session ended on the guest's side or the connection broke; <paramref name="reason"/> says why, for the user.</summary>
    void OnEnded(string reason);
}
