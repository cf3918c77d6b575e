namespace HyperNest.Shell.Engine;

/// <summary>Short type names for help and messages: string, string[], int, long, switch.</summary>
internal static class TypeNames
{
    public static string Friendly(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Friendly(underlying);
        }

        if (type.IsArray)
        {
            return Friendly(type.GetElementType()!) + "[]";
        }

        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(double) => "double",
            _ when type == typeof(object) => "Object",
            _ when type == typeof(SwitchParameter) => "switch",
            _ when type == typeof(ScriptBlock) => "scriptblock",
            _ => type.Name,
        };
    }
}
