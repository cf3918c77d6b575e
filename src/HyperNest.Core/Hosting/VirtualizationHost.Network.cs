using HyperNest.Model;

namespace HyperNest.Hosting;

/// <summary>Virtual switches, VM network adapters and the machine's own networking (being implemented).</summary>
public sealed partial class VirtualizationHost
{
    public VmSwitch NewVmSwitch(NewVmSwitchRequest request) => throw new NotImplementedException();

    public IReadOnlyList<VmSwitch> GetVmSwitches() => throw new NotImplementedException();

    public VmSwitch GetVmSwitch(string name) => throw new NotImplementedException();

    public void RemoveVmSwitch(string name, bool force) => throw new NotImplementedException();

    public VmSwitch RenameVmSwitch(string name, string newName) => throw new NotImplementedException();

    public IReadOnlyList<VmNetworkAdapter> GetVmNetworkAdapters(string vmName) => throw new NotImplementedException();

    public IReadOnlyList<VmNetworkAdapter> GetManagementOsNetworkAdapters() => throw new NotImplementedException();

    public VmNetworkAdapter AddVmNetworkAdapter(string vmName, AddVmNetworkAdapterRequest request) => throw new NotImplementedException();

    public void RemoveVmNetworkAdapter(string vmName, Guid adapterId) => throw new NotImplementedException();

    public VmNetworkAdapter ConnectVmNetworkAdapter(string vmName, Guid adapterId, string switchName) => throw new NotImplementedException();

    public VmNetworkAdapter DisconnectVmNetworkAdapter(string vmName, Guid adapterId) => throw new NotImplementedException();

    public VmNetworkAdapter SetVmNetworkAdapter(string vmName, Guid adapterId, SetVmNetworkAdapterRequest request) => throw new NotImplementedException();

    public IReadOnlyList<NetAdapter> GetNetAdapters() => throw new NotImplementedException();

    public IReadOnlyList<NetIpAddress> GetNetIpAddresses() => throw new NotImplementedException();

    public IReadOnlyList<NetIpAddress> NewNetIpAddress(NewNetIpAddressRequest request) => throw new NotImplementedException();

    public void RemoveNetIpAddress(NetInterfaceSelector selector, string ipAddress) => throw new NotImplementedException();

    public NetNat NewNetNat(string name, string internalIPInterfaceAddressPrefix) => throw new NotImplementedException();

    public IReadOnlyList<NetNat> GetNetNats() => throw new NotImplementedException();

    public void RemoveNetNat(string name) => throw new NotImplementedException();

    public IReadOnlyList<DnsClientServerAddress> GetDnsClientServerAddresses() => throw new NotImplementedException();

    public DnsClientServerAddress SetDnsClientServerAddresses(NetInterfaceSelector selector, IReadOnlyList<string> serverAddresses) => throw new NotImplementedException();

    public DnsClientServerAddress AddDnsClientServerAddress(NetInterfaceSelector selector, string serverAddress, int? index) => throw new NotImplementedException();

    public void RestoreNetwork() => throw new NotImplementedException();
}
