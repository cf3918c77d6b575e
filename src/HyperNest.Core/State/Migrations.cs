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
    ];
}
