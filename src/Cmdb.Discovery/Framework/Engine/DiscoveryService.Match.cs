using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Identification of one run's items by their class's ordered identifier sets. Each identifier's holder is looked
    /// up once per item (the store's map, else an item planned for creation earlier in this run) and the rule's sets
    /// are checked against that small table; buffers are reused from item to item, since every item of every run
    /// passes here.
    /// </summary>
    private sealed class Matcher(DiscoveryService engine, IReadOnlyDictionary<(string Scheme, string Value), string> holders)
    {
        private readonly Dictionary<(string, string), int> _pending = [];
        private readonly Dictionary<string, CiClass?> _classes = new(StringComparer.Ordinal);
        private readonly List<string> _matches = new(4);
        private string[] _schemes = new string[4];
        private string?[] _holders = new string?[4];
        private string? _lastClassName;
        private CiClass? _lastClass;

        /// <summary>
        /// The id of the one stored CI the item matches, or null with the plan's action set: Create (no match, or only
        /// an item created earlier in this run), Conflict (two or more candidates) or Error.
        /// </summary>
        public string? Match(ItemPlan plan, int planIndex)
        {
            var item = plan.Item;
            if (ClassOf(item.Class) is not { } ciClass)
            {
                Fail(plan, $"class '{item.Class}' is not in the model");
                return null;
            }

            plan.Class = ciClass;
            var n = Resolve(item.Identifiers, planIndex);
            var matches = _matches;
            matches.Clear();
            var carriesSet = false;
            foreach (var set in engine._store.Model.IdentificationRule(ciClass))
            {
                if (!CarriesAll(set, n)) continue;
                carriesSet = true;
                string? holder = null;
                foreach (var scheme in set)
                {
                    var h = _holders[IndexOf(scheme, n)];
                    if (h is null || (holder is not null && h != holder)) { holder = null; break; }
                    holder = h;
                }

                if (holder is not null && !matches.Contains(holder)) matches.Add(holder);
            }

            for (var k = 0; k < n; k++)
            {
                // Without a complete rule set any identifier may match; with one, an identifier held by a CI the rule did
                // not match would make the write fail (identifiers are unique), so it counts as a second candidate.
                var h = _holders[k];
                if (h is null || matches.Contains(h)) continue;
                if (!carriesSet || matches.Count > 0) matches.Add(h);
                else
                {
                    Fail(plan, $"the identifier {_schemes[k]}={Shorten(item.Identifiers[_schemes[k]])} already belongs to CI {h}, which the identification rule does not match");
                    return null;
                }
            }

            if (matches.Count > 1)
            {
                plan.Action = ItemAction.Conflict;
                plan.Candidates = [.. matches.Select(m => m.StartsWith('#') ? "(new in this run)" : m)];
                return null;
            }

            if (matches.Count == 0 || matches[0].StartsWith('#'))
            {
                plan.Action = ItemAction.Create;
                return null;
            }

            return matches[0];
        }

        /// <summary>Later items holding one of these identifiers match this item's CI-to-be.</summary>
        public void Pending(ItemPlan plan, int planIndex)
        {
            foreach (var pair in plan.Item.Identifiers) _pending.TryAdd((pair.Key, pair.Value), planIndex);
        }

        private CiClass? ClassOf(string name)
        {
            if (ReferenceEquals(name, _lastClassName)) return _lastClass;
            if (!_classes.TryGetValue(name, out var ciClass))
            {
                _classes[name] = ciClass = engine._store.Model.TryGetClass(name, out var found) ? found : null;
            }

            (_lastClassName, _lastClass) = (name, ciClass);
            return ciClass;
        }

        /// <summary>Fills the scheme and holder tables for the item's identifiers; returns how many.</summary>
        private int Resolve(IReadOnlyDictionary<string, string> identifiers, int planIndex)
        {
            if (identifiers.Count > _schemes.Length)
            {
                _schemes = new string[identifiers.Count];
                _holders = new string?[identifiers.Count];
            }

            var n = 0;
            if (identifiers is Dictionary<string, string> dictionary)
            {
                foreach (var (scheme, value) in dictionary) Put(scheme, value);
            }
            else
            {
                foreach (var (scheme, value) in identifiers) Put(scheme, value);
            }

            return n;

            void Put(string scheme, string value)
            {
                _schemes[n] = scheme;
                _holders[n++] = holders.TryGetValue((scheme, value), out var id) ? id
                    : _pending.TryGetValue((scheme, value), out var p) && p != planIndex ? "#" + p : null;
            }
        }

        private bool CarriesAll(IReadOnlyList<string> set, int n)
        {
            if (set.Count == 0) return false;
            foreach (var scheme in set)
            {
                if (IndexOf(scheme, n) < 0) return false;
            }

            return true;
        }

        private int IndexOf(string scheme, int n)
        {
            for (var k = 0; k < n; k++)
            {
                if (string.Equals(_schemes[k], scheme, StringComparison.Ordinal)) return k;
            }

            return -1;
        }
    }
}
