// night_json_paths.h (internal)
//
// ParseNightJson's two paths, each alone, for the tests and the fuzz target that hold them to
// the same answers. ParseNightJson (readers/night_json.h) tries simdjson first and falls back to
// nlohmann, whose messages are the errors told.
//
//   std::optional<NightFile> fast = ParseNightJsonWithSimdjson(text, "night.json", registry);
//   Result<NightFile> exact = ParseNightJsonWithNlohmann(text, "night.json", registry);
//   // fast => exact, and WriteNightJson of the two is the same text
#ifndef PSEPHOS_READERS_INTERNAL_NIGHT_JSON_PATHS_H_
#define PSEPHOS_READERS_INTERNAL_NIGHT_JSON_PATHS_H_

#include <optional>
#include <string>
#include <string_view>

#include "readers/night_json.h"

namespace psephos::internal {

// The night as read through simdjson, or nullopt for any text simdjson cannot parse or the
// reader finds wrong (no error: the other path words it). simdjson reads up to 64 bytes past a
// text's end: `capacity`, the bytes readable from text.data(), lets a text read with room after
// it (ReadFile's or MappedFile's padding) be parsed where it is; otherwise it is copied.
std::optional<NightFile> ParseNightJsonWithSimdjson(std::string_view text, const std::string& file,
                                                    const PartyRegistry& registry, size_t capacity = 0);
// The reader of record: nlohmann's parser, council by council.
Result<NightFile> ParseNightJsonWithNlohmann(std::string_view text, std::string file, const PartyRegistry& registry);

}  // namespace psephos::internal

#endif  // PSEPHOS_READERS_INTERNAL_NIGHT_JSON_PATHS_H_
