// party_registry_reader.h
//
// Builds the PartyRegistry from the project's data files: data/parties.csv (id, name,
// short_name, colour, group) and data/party_aliases.csv (alias, id). The same files are
// compiled into the binary, so DefaultPartyRegistry() needs no files at run time.
//
//   PartyRegistry registry = DefaultPartyRegistry();
//   Result<PartyRegistry> custom = ReadPartyRegistry("my-parties.csv", "my-aliases.csv");
#ifndef PSEPHOS_READERS_PARTY_REGISTRY_READER_H_
#define PSEPHOS_READERS_PARTY_REGISTRY_READER_H_

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/party.h"

namespace psephos {

Result<PartyRegistry> ParsePartyRegistry(std::string_view parties_csv, std::string parties_file,
                                         std::string_view aliases_csv, std::string aliases_file);
Result<PartyRegistry> ReadPartyRegistry(const std::string& parties_path,
                                        const std::string& aliases_path);
// The registry compiled from data/parties.csv and data/party_aliases.csv.
const PartyRegistry& DefaultPartyRegistry();

}  // namespace psephos

#endif  // PSEPHOS_READERS_PARTY_REGISTRY_READER_H_
