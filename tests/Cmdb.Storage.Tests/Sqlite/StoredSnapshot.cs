using System.Buffers;
using System.Text;
using System.Text.Json;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>A CI's snapshot exactly as the store writes it into <c>ci_version.doc</c> (<see cref="CiJson.Write"/>).</summary>
internal static class StoredSnapshot
{
    public static byte[] Bytes(ConfigurationItem ci)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        return CiJson.Write(ci, writer, buffer).ToArray();
    }

    public static string Text(ConfigurationItem ci) => Encoding.UTF8.GetString(Bytes(ci));
}
