using System.Security.Cryptography;

namespace Resolute.Web.Data;

/// <summary>
/// The keys that sign the audit chain, kept in a file outside the database (<c>Audit:KeyFile</c>; with several
/// instances, on the shared folder beside the attachments, or laid down by the deployment). One key a line,
/// <c>id:base64</c>; the last line signs new entries, the earlier ones still verify the entries they signed. The file
/// is made with a first key when missing; <c>rotate-audit-key</c> appends a new one, and every instance picks it up
/// on its next write. Without the file, nobody can write entries (or a head) that verify, even with full database access.
/// </summary>
public sealed class AuditKeyring
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private DateTime _readAt;
    private (string Id, byte[] Key)[] _keys = [];

    public AuditKeyring(string path)
    {
        _path = Path.GetFullPath(path);
        EnsureExists();
        Reload();
    }

    public string FilePath => _path;

    public static AuditKeyring FromConfiguration(IConfiguration config, string contentRoot)
    {
        var path = config["Audit:KeyFile"];
        if (string.IsNullOrWhiteSpace(path)) path = Path.Combine(contentRoot, "data", "audit.keys");
        else if (!Path.IsPathRooted(path)) path = Path.Combine(contentRoot, path);
        return new AuditKeyring(path);
    }

    /// <summary>The key new entries are signed with.</summary>
    public (string Id, byte[] Key) Current
    {
        get
        {
            Refresh();
            return _keys[^1];
        }
    }

    /// <summary>
    /// The key an entry names. Keys are only ever added, so the file is read again only when the id is not known yet
    /// (verifying a long chain looks a key up per entry and must not touch the file each time).
    /// </summary>
    public byte[]? Find(string id)
    {
        if (Lookup(id) is { } key) return key;
        Refresh();
        return Lookup(id);
    }

    private byte[]? Lookup(string id)
    {
        foreach (var (kid, key) in _keys)
            if (kid == id) return key;
        return null;
    }

    /// <summary>Appends a new key, which signs every entry written from now on; returns its id.</summary>
    public string Rotate()
    {
        var line = NewLine();
        File.AppendAllText(_path, line + "\n");
        Reload();
        return line.Split(':')[0];
    }

    private static string NewLine()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        // The id names the key without revealing it.
        var id = "k" + Convert.ToHexStringLower(SHA256.HashData(key))[..12];
        return $"{id}:{Convert.ToBase64String(key)}";
    }

    private void EnsureExists()
    {
        if (File.Exists(_path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        try
        {
            // CreateNew: when several instances start together on a shared folder, one writes the first key.
            using var stream = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream);
            writer.Write(NewLine() + "\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (IOException) when (File.Exists(_path))
        {
            // Another instance made it first.
        }
    }

    private void Refresh()
    {
        if (File.GetLastWriteTimeUtc(_path) != _readAt) Reload();
    }

    private void Reload()
    {
        lock (_gate)
        {
            for (var attempt = 0; ; attempt++)
            {
                var stamp = File.GetLastWriteTimeUtc(_path);
                var keys = new List<(string, byte[])>();
                foreach (var raw in File.ReadAllLines(_path))
                {
                    var line = raw.Trim();
                    if (line.Length == 0 || line.StartsWith('#')) continue;
                    var parts = line.Split(':', 2);
                    if (parts.Length != 2) throw new InvalidOperationException($"The audit keyring {_path} has a line that is not id:base64.");
                    keys.Add((parts[0], Convert.FromBase64String(parts[1])));
                }
                // A file just created by another instance may still be empty for a moment.
                if (keys.Count == 0 && attempt < 20)
                {
                    Thread.Sleep(50);
                    continue;
                }
                if (keys.Count == 0) throw new InvalidOperationException($"The audit keyring {_path} holds no key.");
                _keys = [.. keys];
                _readAt = stamp;
                return;
            }
        }
    }
}
