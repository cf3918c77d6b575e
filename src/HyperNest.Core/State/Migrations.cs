namespace HyperNest.State;

/// <summary>
/// The schema, as an append-only list: a released migration is never edited, only followed by a new
/// one, so every store on every machine walks the same path (schema_migrations records the steps).
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        """
        CREATE TABLE vms (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            generation INTEGER NOT NULL,
            version TEXT NOT NULL,
            memory_startup_bytes INTEGER NOT NULL,
            dynamic_memory INTEGER NOT NULL DEFAULT 0,
            memory_minimum_bytes INTEGER NOT NULL DEFAULT 0,
            memory_maximum_bytes INTEGER NOT NULL DEFAULT 0,
            processor_count INTEGER NOT NULL,
            expose_virtualization_extensions INTEGER NOT NULL DEFAULT 0,
            disk_path TEXT NULL,
            disk_owned INTEGER NOT NULL DEFAULT 0,
            image_name TEXT NULL,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL,
            pid INTEGER NULL,
            started_at TEXT NULL,
            status_message TEXT NULL,
            saved_state_path TEXT NULL,
            accelerator TEXT NULL
        );
        """,
        // 2: networking. Interfaces are keyed by their kernel name (eth0, hnbr…): Windows-style names
        // ("Ethernet 2", "vEthernet (X)") are derived at read time and change with renames.
        """
        CREATE TABLE vm_switches (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            switch_type TEXT NOT NULL,
            bridge TEXT NOT NULL UNIQUE,
            net_adapter TEXT NULL UNIQUE,
            net_adapter_description TEXT NOT NULL DEFAULT '',
            net_adapter_mac TEXT NULL,
            allow_management_os INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE vm_network_adapters (
            id TEXT PRIMARY KEY NOT NULL,
            vm_id TEXT NOT NULL REFERENCES vms(id) ON DELETE CASCADE,
            slot INTEGER NOT NULL,
            name TEXT NOT NULL,
            switch_id TEXT NULL REFERENCES vm_switches(id) ON DELETE SET NULL,
            mac TEXT NOT NULL UNIQUE,
            static_mac INTEGER NOT NULL DEFAULT 0,
            mac_spoofing INTEGER NOT NULL DEFAULT 0,
            dhcp_guard INTEGER NOT NULL DEFAULT 0,
            router_guard INTEGER NOT NULL DEFAULT 0,
            UNIQUE (vm_id, slot)
        );
        CREATE TABLE net_nats (
            name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
            internal_prefix TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE net_ip_addresses (
            interface TEXT NOT NULL,
            address TEXT NOT NULL,
            prefix_length INTEGER NOT NULL,
            PRIMARY KEY (interface, address)
        );
        CREATE TABLE net_default_gateways (
            interface TEXT NOT NULL,
            gateway TEXT NOT NULL,
            PRIMARY KEY (interface, gateway)
        );
        CREATE TABLE net_dns_servers (
            interface TEXT NOT NULL,
            position INTEGER NOT NULL,
            address TEXT NOT NULL,
            PRIMARY KEY (interface, address)
        );
        CREATE TABLE host_settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        """,
        // 3: Set-VM's notes and automatic actions. Existing VMs get Hyper-V's defaults; actions are stored
        // by name, as state and accelerator are, so the enums' numbers stay free to follow Hyper-V.
        """
        ALTER TABLE vms ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        ALTER TABLE vms ADD COLUMN automatic_start_action TEXT NOT NULL DEFAULT 'StartIfRunning';
        ALTER TABLE vms ADD COLUMN automatic_stop_action TEXT NOT NULL DEFAULT 'Save';
        ALTER TABLE vms ADD COLUMN automatic_start_delay INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE vms ADD COLUMN automatic_checkpoints INTEGER NOT NULL DEFAULT 1;
        """,
        // 4: a VM has a list of drives (Add-/Set-/Remove-VMHardDiskDrive, *-VMDvdDrive) instead of one disk.
        // The one disk moves where Hyper-V puts a boot disk (generation 1: IDE 0:0; generation 2: SCSI 0:0);
        // ids are 32 hex digits (Guid.Parse reads them). Firmware settings (Set-VMFirmware): the boot order
        // as comma-separated device ids, empty meaning the default order.
        """
        CREATE TABLE vm_drives (
            id TEXT PRIMARY KEY NOT NULL,
            vm_id TEXT NOT NULL REFERENCES vms(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            controller_type TEXT NOT NULL,
            controller_number INTEGER NOT NULL,
            controller_location INTEGER NOT NULL,
            path TEXT NULL,
            format TEXT NOT NULL,
            owned INTEGER NOT NULL DEFAULT 0,
            UNIQUE (vm_id, controller_type, controller_number, controller_location)
        );
        INSERT INTO vm_drives (id, vm_id, kind, controller_type, controller_number, controller_location, path, format, owned)
            SELECT lower(hex(randomblob(16))), id, 'HardDisk', CASE generation WHEN 2 THEN 'SCSI' ELSE 'IDE' END, 0, 0, disk_path, 'qcow2', disk_owned
            FROM vms WHERE disk_path IS NOT NULL;
        ALTER TABLE vms DROP COLUMN disk_path;
        ALTER TABLE vms DROP COLUMN disk_owned;
        ALTER TABLE vms ADD COLUMN boot_order TEXT NOT NULL DEFAULT '';
        ALTER TABLE vms ADD COLUMN secure_boot_template TEXT NOT NULL DEFAULT 'MicrosoftWindows';
        ALTER TABLE vms ADD COLUMN preferred_network_boot_protocol TEXT NOT NULL DEFAULT 'IPv4';
        """,
        // 5: Set-VMNetworkAdapterVlan, per VM adapter port and for the host's own port on a switch
        // (-ManagementOS). Every existing port stays Untagged, the behaviour it had before. Modes are
        // stored by name; the allowed list as its canonical text ("1-100,200").
        """
        ALTER TABLE vm_network_adapters ADD COLUMN vlan_mode TEXT NOT NULL DEFAULT 'Untagged';
        ALTER TABLE vm_network_adapters ADD COLUMN vlan_access_id INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE vm_network_adapters ADD COLUMN vlan_native_id INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE vm_network_adapters ADD COLUMN vlan_allowed TEXT NOT NULL DEFAULT '';
        ALTER TABLE vm_switches ADD COLUMN host_vlan_mode TEXT NOT NULL DEFAULT 'Untagged';
        ALTER TABLE vm_switches ADD COLUMN host_vlan_access_id INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE vm_switches ADD COLUMN host_vlan_native_id INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE vm_switches ADD COLUMN host_vlan_allowed TEXT NOT NULL DEFAULT '';
        """,
        // 6: Enable-/Disable-VMIntegrationService. Only a choice the user made is stored; a missing row
        // is the service's default, so existing VMs (and services added later) need no backfill.
        """
        CREATE TABLE vm_integration_services (
            vm_id TEXT NOT NULL REFERENCES vms(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            PRIMARY KEY (vm_id, name)
        );
        """,
        // 7: New-VM -Path, the VM's folder when the user chose it (NULL: under the home, as before).
        """
        ALTER TABLE vms ADD COLUMN folder TEXT NULL;
        """,
        // 8: the operations journal. A change that makes or removes things outside the store (files, links)
        // is written here before it acts and deleted when it ends, so the next process finds what a killed
        // one left half done (OperationRecord). resources: JSON array of the paths or link names involved.
        """
        CREATE TABLE operations (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            resources TEXT NOT NULL,
            owner_pid INTEGER NOT NULL,
            owner_start_ticks INTEGER NOT NULL,
            started_at TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE vm_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            vm_id TEXT NOT NULL,
            vm_name TEXT NOT NULL,
            time_created TEXT NOT NULL,
            level TEXT NOT NULL,
            message TEXT NOT NULL
        );
        CREATE INDEX vm_events_by_vm ON vm_events (vm_id, id);
        """,
        // 10: Dynamic Memory's buffer and priority, the nested-resize opt-in, and the running worker's memory
        // layout and assigned memory (VmRecord.WorkerMemory, MemoryAssignedBytes; NULL for one started
        // before, which then cannot be resized).
        """
        ALTER TABLE vms ADD COLUMN memory_buffer INTEGER NOT NULL DEFAULT 20;
        ALTER TABLE vms ADD COLUMN memory_priority INTEGER NOT NULL DEFAULT 50;
        ALTER TABLE vms ADD COLUMN resize_with_nested_hypervisor INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE vms ADD COLUMN worker_memory_base_bytes INTEGER NULL;
        ALTER TABLE vms ADD COLUMN worker_memory_region_bytes INTEGER NULL;
        ALTER TABLE vms ADD COLUMN memory_assigned_bytes INTEGER NULL;
        """,
    ];
}
