using Cmdb.Domain.Items;

namespace Cmdb.Domain.Tests;

/// <summary>
/// <see cref="SortedIdentifiers"/> replaced an ordinal <see cref="SortedDictionary{TKey, TValue}"/> as a CI's identifiers:
/// every walk (snapshot, search row, digests) must see the same pairs in the same order.
/// </summary>
public sealed class SortedIdentifiersTests
{
    [Fact]
    public void Of_UnorderedPairs_WalksInOrdinalOrderAsTheSortedDictionaryDid()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var map = new Dictionary<string, string>();
            for (var i = random.Next(0, 9); i > 0; i--) map[Scheme(random)] = $"v{random.Next(100)}";
            var expected = new SortedDictionary<string, string>(map, StringComparer.Ordinal).ToArray();

            var identifiers = SortedIdentifiers.Of(map);

            Assert.Equal(expected, identifiers.Pairs.ToArray());
            var walked = new List<KeyValuePair<string, string>>();
            foreach (var pair in identifiers) walked.Add(pair);
            Assert.Equal(expected, walked);
            Assert.Equal(expected, ((IEnumerable<KeyValuePair<string, string>>)identifiers).ToArray());
            Assert.Equal(expected.Select(p => p.Key), identifiers.Keys);
            Assert.Equal(expected.Select(p => p.Value), identifiers.Values);
            foreach (var (scheme, value) in map)
            {
                Assert.True(identifiers.TryGetValue(scheme, out var found));
                Assert.Equal(value, found);
                Assert.Equal(value, identifiers[scheme]);
            }
        }
    }

    [Fact]
    public void Of_OrdinalNotCultureOrder_UpperCaseAndDotsFirst()
    {
        var identifiers = SortedIdentifiers.Of(new Dictionary<string, string> { ["vm.uuid"] = "1", ["vm"] = "2", ["Vm"] = "3", ["vm-x"] = "4" });

        Assert.Equal(["Vm", "vm", "vm-x", "vm.uuid"], identifiers.Keys);
    }

    [Fact]
    public void Of_SchemeGivenTwice_KeepsTheLastValue()
    {
        KeyValuePair<string, string>[] pairs = [new("fqdn", "a"), new("serial", "s"), new("fqdn", "b")];

        var identifiers = SortedIdentifiers.Of(pairs.AsSpan());

        Assert.Equal([new("fqdn", "b"), new("serial", "s")], identifiers.Pairs.ToArray());
    }

    [Fact]
    public void Of_NullValue_IsRefused()
    {
        KeyValuePair<string, string>[] pairs = [new("fqdn", null!)];

        var e = Assert.Throws<ArgumentException>(() => SortedIdentifiers.Of(pairs.AsSpan()));

        Assert.Contains("scheme and a value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SpanIsCopied_LaterChangesToTheCallersArrayDoNotShow()
    {
        KeyValuePair<string, string>[] pairs = [new("fqdn", "a"), new("serial", "s")];

        var identifiers = SortedIdentifiers.Of(pairs.AsSpan());
        pairs[0] = new("fqdn", "changed");

        Assert.Equal("a", identifiers["fqdn"]);
    }

    [Fact]
    public void Lookups_MissingScheme_AreFalseAndTheIndexerThrows()
    {
        var identifiers = SortedIdentifiers.Of(new Dictionary<string, string> { ["b"] = "1", ["d"] = "2" });

        Assert.False(identifiers.ContainsKey("a"));
        Assert.False(identifiers.ContainsKey("c"));
        Assert.False(identifiers.TryGetValue("e", out _));
        Assert.Throws<KeyNotFoundException>(() => identifiers["c"]);
        Assert.Empty(SortedIdentifiers.Empty);
        Assert.False(SortedIdentifiers.Empty.ContainsKey("a"));
    }

    [Fact]
    public void With_SetsAndAddsInOrder_AndLeavesTheOriginalAsItWas()
    {
        var before = SortedIdentifiers.Of(new Dictionary<string, string> { ["b"] = "1", ["d"] = "2" });

        var after = before.With([new("a", "0"), new("d", "3"), new("e", "4")]);

        Assert.Equal([new("a", "0"), new("b", "1"), new("d", "3"), new("e", "4")], after.Pairs.ToArray());
        Assert.Equal([new("b", "1"), new("d", "2")], before.Pairs.ToArray());
        Assert.Same(before, before.With([]));
    }

    private static string Scheme(Random random)
    {
        const string letters = "abAB.-_z9";
        var chars = new char[random.Next(1, 4)];
        for (var i = 0; i < chars.Length; i++) chars[i] = letters[random.Next(letters.Length)];
        return new string(chars);
    }
}
