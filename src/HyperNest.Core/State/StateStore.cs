using HyperNest.Hosting;
using Microsoft.Data.Sqlite;

namespace HyperNest.State;

/// <summary>
/// The SQLite state store. Every read-modify-write runs in one exclusive transaction, so two hypernest
/// processes acting at once serialize instead of overwriting each other (Podman's sqlite_state model:
/// synchronous=FULL, foreign keys, busy timeout).
/// </summary>
public sealed partial class StateStore : IDisposable
{
    private static readonly Lazy<bool> SqliteInitialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly SqliteConnection _connection;

    private StateStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and applies pending migrations.</summary>
    public static StateStore Open(string path)
    {
        _ = SqliteInitialized.Value;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        MakeOwnerOnly(path);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000;");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = FULL;");
            Execute(connection, "PRAGMA foreign_keys = ON;");
            var store = new StateStore(connection);
            store.Migrate();
            return store;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new HostException(
                $"The state store '{path}' could not be opened: {ex.Message}. Check that it is a HyperNest state database and that you are root.",
                ErrorCategory.OpenError, "StateStoreUnavailable", path, ex);
        }
    }

    /// <summary>
    /// The store names every VM, disk path and address: only its owner may read it. The file is made 0600
    /// before SQLite opens it (SQLite gives its -wal and -shm files the database's mode); stores written by
    /// an older HyperNest (0644) are tightened too.
    /// </summary>
    private static void MakeOwnerOnly(string path)
    {
        Platform.OwnerOnly.EmptyFileIfMissing(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            Platform.OwnerOnly.ExistingFile(file);
        }
    }

    /// <summary>Runs <paramref name="work"/> in an exclusive transaction; commits when it returns, rolls back when it throws.</summary>
    public T Transact<T>(Func<StateTransaction, T> work)
    {
        using var transaction = BeginExclusive();
        var result = work(new StateTransaction(_connection, transaction));
        transaction.Commit();
        return result;
    }

    public void Transact(Action<StateTransaction> work) => Transact(tx =>
    {
        work(tx);
        return true;
    });

    public void Dispose() => _connection.Dispose();

    private SqliteTransaction BeginExclusive()
    {
        // Microsoft.Data.Sqlite's BeginTransaction() issues BEGIN (deferred); a deferred reader that later
        // writes can fail with SQLITE_BUSY without waiting. BEGIN IMMEDIATE takes the write lock up front
        // (in WAL mode that is as exclusive as writers get) and honours busy_timeout.
        return _connection.BeginTransaction(deferred: false);
    }

    private void Migrate()
    {
        Execute(_connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL);");
        using var transaction = BeginExclusive();
        using var query = _connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
        var applied = Convert.ToInt32(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (applied > Migrations.All.Count)
        {
            throw new HostException(
                $"The state store has schema version {applied}, newer than this HyperNest understands ({Migrations.All.Count}). Use the newer HyperNest that wrote it.",
                ErrorCategory.InvalidData, "StateStoreTooNew");
        }

        for (var version = applied + 1; version <= Migrations.All.Count; version++)
        {
            using var step = _connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Migrations.All[version - 1];
            step.ExecuteNonQuery();
            using var record = _connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $t);";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
