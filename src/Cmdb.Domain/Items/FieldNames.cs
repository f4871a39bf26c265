using System.Collections.Concurrent;

namespace Cmdb.Domain.Items;

/// <summary>
/// The audit and provenance names of attributes and identifiers (<c>attributes.rack</c>, <c>identifiers.fqdn</c>), one
/// string per name for the process's life: every merge that changes an attribute named it afresh, and a discovery run
/// changes the same few names on every CI it updates. Bounded, since names come from writers; past the bound a name is
/// made each time.
/// </summary>
internal static class FieldNames
{
    internal const int MaxNames = 4096;
    private static readonly Cache Attributes = new("attributes.");
    private static readonly Cache Identifiers = new("identifiers.");

    public static string Attribute(string name) => Attributes.Get(name);

    public static string Identifier(string scheme) => Identifiers.Get(scheme);

    private sealed class Cache(string prefix)
    {
        private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
        private int _count; // ConcurrentDictionary.Count takes every lock

        public string Get(string name)
        {
            if (_names.TryGetValue(name, out var field)) return field;
            field = prefix + name;
            if (Volatile.Read(ref _count) < MaxNames && _names.TryAdd(name, field)) Interlocked.Increment(ref _count);
            return field;
        }
    }
}
