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
    private sealed class Matcher(DiscoveryService engine, ResolvedIdentifiers holders)
    {
        private readonly Dictionary<(string, string), int> _pending = [];
        private readonly Dictionary<string, CiClass?> _classes = new(StringComparer.Ordinal);
        private readonly List<string> _matches = new(4);
        private string[] _schemes = new string[4];
        private string?[] _holders = new string?[4];
        private string? _lastClassName;
        private CiClass? _lastClass;
        private int _position; // of the next item's first identifier in the resolved list

        /// <summary>The position of the next item's first identifier in the resolved list.</summary>
        public int Position => _position;

        /// <summary>
        /// The id of the one stored CI the item matches, or null with the plan's action set: Create (no match, or only
        /// an item created earlier in this run), Conflict (two or more candidates) or Error.
        /// </summary>
        public string? Match(ItemPlan plan, int planIndex)
        {
            var item = plan.Item;
            var first = _position;
            _position += item.Identifiers.Count; // every item passes here once, in batch order, matched or not
            if (ClassOf(item.Class) is not { } ciClass)
            {
                Fail(plan, $"class '{item.Class}' is not in the model");
                return null;
            }

            plan.Class = ciClass;
            var n = Resolve(first, item.Identifiers.Count, planIndex);
            var matches = _matches;
            matches.Clear();
            var carriesSet = false;
            // Indexed loops throughout: the rule is a list of lists behind interfaces, whose enumerators would be three
            // boxed objects per item of every run.
            var rule = engine._store.Model.IdentificationRule(ciClass);
            for (var r = 0; r < rule.Count; r++)
            {
                var set = rule[r];
                if (!CarriesAll(set, n)) continue;
                carriesSet = true;
                string? holder = null;
                for (var m = 0; m < set.Count; m++)
                {
                    var h = _holders[IndexOf(set[m], n)];
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

        /// <summary>After a scope's items: the ends of its relationships come next in the resolved list.</summary>
        public void SkipRelationships(int relationships) => _position += 2 * relationships;

        /// <summary>Later items holding one of these identifiers match this item's CI-to-be.</summary>
        public void Pending(ItemPlan plan, int planIndex)
        {
            // The dictionary's own enumerator when it is one (the usual case): the interface's is a boxed object per item.
            if (plan.Item.Identifiers is Dictionary<string, string> map)
            {
                foreach (var pair in map) _pending.TryAdd((pair.Key, pair.Value), planIndex);
            }
            else
            {
                foreach (var pair in plan.Item.Identifiers) _pending.TryAdd((pair.Key, pair.Value), planIndex);
            }
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

        /// <summary>Fills the scheme and holder tables for the item's identifiers (resolved from <paramref name="first"/> on); returns how many.</summary>
        private int Resolve(int first, int count, int planIndex)
        {
            if (count > _schemes.Length)
            {
                _schemes = new string[count];
                _holders = new string?[count];
            }

            for (var n = 0; n < count; n++)
            {
                var (scheme, value) = holders.Pair(first + n);
                _schemes[n] = scheme;
                _holders[n] = holders.Holder(first + n)
                    ?? (_pending.Count > 0 && _pending.TryGetValue((scheme, value), out var p) && p != planIndex ? "#" + p : null);
            }

            return count;
        }

        private bool CarriesAll(IReadOnlyList<string> set, int n)
        {
            if (set.Count == 0) return false;
            for (var m = 0; m < set.Count; m++)
            {
                if (IndexOf(set[m], n) < 0) return false;
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
