#include "readers/party_registry_reader.h"

#include <cstdlib>
#include <iostream>

#include "readers/csv.h"
#include "readers/fields.h"
#include "readers/internal/embedded_data.h"

namespace psephos {

Result<PartyRegistry> ParsePartyRegistry(std::string_view parties_csv, std::string parties_file,
                                         std::string_view aliases_csv, std::string aliases_file) {
  PartyRegistry registry;
  auto parties = ParseCsv(parties_csv, std::move(parties_file));
  if (!parties) return parties.error();
  for (const char* name : {"id", "name", "short_name", "colour", "group"})
    if (auto c = parties->Column(name); !c) return c.error();
  size_t id = *parties->FindColumn("id"), name = *parties->FindColumn("name"),
         short_name = *parties->FindColumn("short_name"), colour = *parties->FindColumn("colour"),
         group = *parties->FindColumn("group");
  for (const CsvRow& row : parties->rows) {
    Party party{TrimText(row.fields[id]), TrimText(row.fields[name]),
                TrimText(row.fields[short_name]), TrimText(row.fields[colour]),
                TrimText(row.fields[group])};
    if (party.name.empty()) return parties->FieldError(row, name, "a party needs a name");
    if (Status s = registry.Add(std::move(party)); !s)
      return parties->FieldError(row, id, s.error().message);
  }
  // Groups must name registered parties, so that totals always have a name to show.
  for (const CsvRow& row : parties->rows) {
    std::string g = TrimText(row.fields[group]);
    if (!g.empty() && !registry.Find(g))
      return parties->FieldError(row, group, "group '" + g + "' is not a registered party id");
  }

  auto aliases = ParseCsv(aliases_csv, std::move(aliases_file));
  if (!aliases) return aliases.error();
  auto alias_col = aliases->Column("alias");
  if (!alias_col) return alias_col.error();
  auto id_col = aliases->Column("id");
  if (!id_col) return id_col.error();
  for (const CsvRow& row : aliases->rows) {
    if (Status s = registry.AddAlias(TrimText(row.fields[*alias_col]), TrimText(row.fields[*id_col])); !s)
      return aliases->FieldError(row, *id_col, s.error().message);
  }
  return registry;
}

Result<PartyRegistry> ReadPartyRegistry(const std::string& parties_path,
                                        const std::string& aliases_path) {
  auto parties = ReadFile(parties_path);
  if (!parties) return parties.error();
  auto aliases = ReadFile(aliases_path);
  if (!aliases) return aliases.error();
  return ParsePartyRegistry(*parties, parties_path, *aliases, aliases_path);
}

const PartyRegistry& DefaultPartyRegistry() {
  static const PartyRegistry registry = [] {
    auto r = ParsePartyRegistry(internal::kPartiesCsv, "data/parties.csv",
                                internal::kPartyAliasesCsv, "data/party_aliases.csv");
    if (!r) {
      // The embedded files are part of the build; a bad one is a programmer error.
      std::cerr << "psephos: bad built-in party data: " << r.error().ToString() << "\n";
      std::abort();
    }
    return std::move(*r);
  }();
  return registry;
}

}  // namespace psephos
