namespace HyperNest.Api;

/// <summary>
/// Builds the API's paths: every name the user typed is one escaped path segment (VM and switch names
/// may hold '/', '?', '%' or spaces), and the service unescapes each segment on its own.
/// </summary>
public static class ApiPath
{
    public static string Of(params string[] segments) =>
        "/" + ServiceEndpoint.Version + "/" + string.Join('/', segments.Select(Uri.EscapeDataString));

    public static string Vm(string name, params string[] rest) => Of(["vms", name, .. rest]);

    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? path : path + "?" + string.Join('&', present);
    }
}
