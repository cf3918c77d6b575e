using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Utility;

/// <summary>One property of a type, as Get-Member lists it.</summary>
public sealed record MemberDefinition(string TypeName, string Name, string MemberType, string Definition);

[Cmdlet("Get", "Member", Synopsis = "Lists the properties of the input objects' types (once per type), e.g. Get-VM | Get-Member.")]
public sealed class GetMemberCommand : Cmdlet
{
    private readonly HashSet<Type> _seen = [];

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    protected internal override void ProcessRecord()
    {
        if (InputObject is null || !_seen.Add(InputObject.GetType()))
        {
            return;
        }

        var type = InputObject.GetType();
        foreach (var name in PropertyAccessor.GetPropertyNames(InputObject))
        {
            var value = PropertyAccessor.GetValue(InputObject, name);
            var propertyType = type.GetProperty(name)?.PropertyType ?? value?.GetType() ?? typeof(object);
            WriteObject(new MemberDefinition(type.FullName ?? type.Name, name, "Property", $"{TypeNames.Friendly(propertyType)} {name} {{get;}}"));
        }
    }
}
