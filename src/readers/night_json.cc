#include "readers/night_json.h"

#include <algorithm>
#include <array>
#include <type_traits>
#include <nlohmann/json.hpp>

#include "core/compact_string.h"
#include "readers/csv.h"
#include "readers/internal/mapped_file.h"
#include "readers/internal/night_json_paths.h"
#include "readers/internal/simd_json.h"
#include "readers/json_text.h"
#include "readers/json_writer.h"

namespace psephos {

namespace {

using nlohmann::json;
using internal::SimdJson;

// A string value's text, without a copy.
const std::string& TextOf(const json& value) { return value.get_ref<const std::string&>(); }
std::string_view TextOf(const SimdJson& value) { return value.Text(); }
// An array's elements, in order.
const json& Elements(const json& array) { return array; }
using internal::Elements;
// The members `keys` of an object, each as its find() gives it, found in one pass for simdjson's.
template <size_t N>
std::array<json::const_iterator, N> FindEach(const json& object, const std::array<std::string_view, N>& keys) {
  std::array<json::const_iterator, N> found;
  for (size_t i = 0; i < N; ++i) found[i] = object.find(keys[i]);
  return found;
}
template <size_t N>
std::array<SimdJson::Found, N> FindEach(const SimdJson& object, const std::array<std::string_view, N>& keys) {
  return object.FindEach(keys);
}

#define PSEPHOS_TRY(var, expr)        \
  auto var##_result = (expr);         \
  if (!var##_result) return var##_result.error(); \
  auto var = std::move(*var##_result)

// Walks a parsed document, keeping the JSON path for errors. Every accessor fails with an
// Error naming the path; the first failure ends the read. The document is nlohmann's (the
// reader of record, whose messages the errors are) or simdjson's through SimdJson (the fast
// path for a night's setup, ParseNightJson): J is either, the code the same.
class Reader {
 public:
  Reader(std::string file, const PartyRegistry& registry) : file_(std::move(file)), registry_(registry) {}

  Error Fail(const std::string& path, std::string message) const {
    return MakeError(std::move(message), path, file_);
  }

  // `path` is the object's path, or a function that makes it, as for Party below.
  template <typename J, typename Path>
  Result<std::string> String(const J& obj, const Path& path, const char* key, bool required) const {
    return StringAt(obj.find(key), obj.end(), path, key, required);
  }
  // String's check of a member already found (`it`, or `end` when the object has none).
  template <typename It, typename Path>
  Result<std::string> StringAt(const It& it, const It& end, const Path& path, const char* key, bool required) const {
    if (it == end || it->is_null()) {
      if (required) return Fail(Join(PathOf(path), key), "missing; expected a string");
      return std::string();
    }
    if (!it->is_string()) return Fail(Join(PathOf(path), key), "expected a string");
    return it->template get<std::string>();
  }

  // A whole number >= 0 and below 10^9, or absent (nullopt) when not required.
  template <typename J, typename Path>
  Result<std::optional<int64_t>> Count(const J& obj, const Path& path, const char* key, bool required) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) return Fail(Join(PathOf(path), key), "missing; expected a whole number");
      return std::optional<int64_t>();
    }
    if (it->is_number_unsigned() || it->is_number_integer()) {
      int64_t v = it->template get<int64_t>();
      if (v < 0) return Fail(Join(PathOf(path), key), "negative (" + std::to_string(v) + ")");
      if (v > 1'000'000'000) return Fail(Join(PathOf(path), key), "too large (" + std::to_string(v) + ")");
      return std::optional<int64_t>(v);
    }
    return Fail(Join(PathOf(path), key), "expected a whole number, found " + it->dump());
  }

  // `path` is the field's path, or a function that makes it: a setup names a party for every
  // seat up (4 million at 1000x), and the path is wanted only when the party is wrong.
  template <typename J, typename Path>
  Result<std::string> Party(const J& value, const Path& path) const {
    PSEPHOS_TRY(id, PartyView(value, path));
    return std::string(id);
  }
  template <typename Path>
  Result<std::string> PartyLabel(std::string_view label, const Path& path) const {
    PSEPHOS_TRY(id, PartyLabelView(label, path));
    return std::string(id);
  }
  // Party and PartyLabel as views, for a setup's seats (8.8 million keys at 1000x), each copied
  // once into its seat: a view of the value's text for an independent's key, else of the
  // reader's last id, so good until the next call.
  template <typename J, typename Path>
  Result<std::string_view> PartyView(const J& value, const Path& path) const {
    if (!value.is_string()) return Fail(PathOf(path), "expected a party id or name");
    return PartyLabelView(TextOf(value), path);
  }
  template <typename Path>
  Result<std::string_view> PartyLabelView(std::string_view label, const Path& path) const {
    if (label.starts_with("IND:")) return label;
    // A ward's seats mostly name the party of the seat before: the label last resolved is kept
    // with its id (a 1000x setup has 8.8 million seat keys).
    if (!last_id_.empty() && internal::SameText(label, last_label_)) return std::string_view(last_id_);
    if (auto id = registry_.Resolve(label)) {
      last_label_ = label;
      last_id_ = std::move(*id);
      return std::string_view(last_id_);
    }
    return Fail(PathOf(path), "unknown party '" + std::string(label) + "'");
  }

  template <typename J>
  Result<Council> ReadCouncil(const J& c, const std::string& path) const;
  template <typename J>
  Result<Declaration> ReadDeclaration(const J& d, const std::string& path) const;
  // The document's root and its "election" member, into `election` (councils left as they are).
  template <typename J>
  Status ReadElection(const J& root, Election& election) const;
  // The "election" member's value alone: every field of `out` but its councils, each written
  // (so a second "election" member replaces the first whole, as nlohmann keeps it).
  template <typename J>
  Status ReadElectionObject(const J& election, Election& out) const;

  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string Index(const std::string& path, size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }
  template <typename Path>
  static std::string PathOf(const Path& path) {
    if constexpr (std::is_invocable_v<Path>) return path();
    else return path;
  }

 private:
  std::string file_;
  const PartyRegistry& registry_;
  // PartyLabel's last label resolved, and its id: a cache of the reader's own, which reads one
  // file on one thread; mutable as it changes no answer.
  mutable std::string last_label_, last_id_;
};

template <typename J>
Result<Council> Reader::ReadCouncil(const J& c, const std::string& path) const {
  if (!c.is_object()) return Fail(path, "expected an object");
  Council council;
  PSEPHOS_TRY(id, String(c, path, "id", true));
  council.id = id;
  PSEPHOS_TRY(gss, String(c, path, "gss", false));
  council.gss = gss;
  PSEPHOS_TRY(name, String(c, path, "name", true));
  council.name = name;
  PSEPHOS_TRY(type, String(c, path, "type", true));
  auto t = ParseCouncilType(type);
  if (!t) return Fail(Join(path, "type"), "'" + type + "' is not one of london-borough, metropolitan-borough, non-metropolitan-district, unitary");
  council.type = *t;
  PSEPHOS_TRY(region, String(c, path, "region", false));
  council.region = region;
  PSEPHOS_TRY(cycle, String(c, path, "cycle", true));
  auto cy = ParseElectoralCycle(cycle);
  if (!cy) return Fail(Join(path, "cycle"), "'" + cycle + "' is not one of all-out, thirds, halves");
  council.cycle = *cy;
  PSEPHOS_TRY(seats, Count(c, path, "seats", true));
  council.total_seats = static_cast<int>(*seats);
  PSEPHOS_TRY(vacant, Count(c, path, "vacant_not_up", false));
  council.vacant_not_up = static_cast<int>(vacant.value_or(0));

  if (auto it = c.find("not_up"); it != c.end() && !it->is_null()) {
    if (!it->is_object()) return Fail(Join(path, "not_up"), "expected an object of party: seats");
    int independents = 0;
    for (const auto& [label, n] : it->items()) {
      std::string where = Join(path, "not_up." + label);
      PSEPHOS_TRY(party, PartyLabel(label, where));
      if (!n.is_number_integer() || n.template get<int64_t>() < 0 || n.template get<int64_t>() > 100000)
        return Fail(where, "expected a number of seats >= 0");
      int count = n.template get<int>();
      // Each independent is separate for control: give each a key of its own.
      if (party == kIndependent) {
        for (int i = 0; i < count; ++i)
          council.not_up["IND:independent " + std::to_string(++independents) + " (not up)"] = 1;
      } else {
        council.not_up[party] += count;
      }
    }
  }
  auto wards = c.find("wards");
  if (wards == c.end() || !wards->is_array()) return Fail(Join(path, "wards"), "missing; expected an array of wards");
  // Reserved at their number, as are each ward's seats: grown by doubling, the blocks holding
  // a night's wards and seats were 30% larger than what they held (massif, 10x night).
  council.wards.reserve(wards->size());
  size_t i = 0;
  for (const auto& w : Elements(*wards)) {
    // Made only for an error: a 1000x setup has 2.9 million wards.
    auto wpath = [&] { return Index(Join(path, "wards"), i); };
    if (!w.is_object()) return Fail(wpath(), "expected an object");
    Ward ward;
    static constexpr std::array<std::string_view, 5> kMembers = {"name", "id", "gss", "defending", "last_won"};
    const auto [name_at, id_at, gss_at, defending, last_won] = FindEach(w, kMembers);
    const auto none = w.end();
    PSEPHOS_TRY(wname, StringAt(name_at, none, wpath, "name", true));
    ward.name = std::move(wname);
    PSEPHOS_TRY(wid, StringAt(id_at, none, wpath, "id", false));
    ward.id = wid.empty() ? Slugify(ward.name) : std::move(wid);
    PSEPHOS_TRY(wgss, StringAt(gss_at, none, wpath, "gss", false));
    ward.gss = std::move(wgss);
    if (defending == none || !defending->is_array() || defending->empty())
      return Fail(Join(wpath(), "defending"), "missing; expected an array with one entry per seat up (a party, or null for a vacancy)");
    if (last_won != none && !last_won->is_null() &&
        (!last_won->is_array() || last_won->size() != defending->size()))
      return Fail(Join(wpath(), "last_won"), "expected an array as long as 'defending'");
    // An independent defending or last winning a seat is told apart from others by the seat.
    auto control_key = [&](OptionalShortString& key, std::string_view p, size_t s) {
      if (internal::SameText(p, kIndependent))
        key = PartyRegistry::ControlKey(p, ward.name + " seat " + std::to_string(s + 1));
      else
        key = p;
    };
    ward.seats_up.reserve(defending->size());
    for (size_t s = 0; s < defending->size(); ++s) {
      SeatUp seat;
      const auto& dv = (*defending)[s];
      if (!dv.is_null() && dv != "vacant") {
        PSEPHOS_TRY(p, PartyView(dv, [&] { return Index(Join(wpath(), "defending"), s); }));
        control_key(seat.defending, p, s);
      }
      if (last_won != none && last_won->is_array() && !(*last_won)[s].is_null()) {
        PSEPHOS_TRY(p, PartyView((*last_won)[s], [&] { return Index(Join(wpath(), "last_won"), s); }));
        control_key(seat.last_won, p, s);
      }
      ward.seats_up.push_back(std::move(seat));
    }
    council.wards.push_back(std::move(ward));
    ++i;
  }
  return council;
}

template <typename J>
Result<Declaration> Reader::ReadDeclaration(const J& d, const std::string& path) const {
  if (!d.is_object()) return Fail(path, "expected an object");
  Declaration out;
  PSEPHOS_TRY(ballot, String(d, path, "ballot", false));
  out.ballot_id = ballot;
  PSEPHOS_TRY(council, String(d, path, "council", true));
  out.council = council;
  PSEPHOS_TRY(ward_name, String(d, path, "ward_name", false));
  out.ward_name = ward_name;
  PSEPHOS_TRY(ward, String(d, path, "ward", ward_name.empty()));
  out.ward = ward.empty() ? Slugify(ward_name) : ward;
  PSEPHOS_TRY(council_name, String(d, path, "council_name", false));
  out.council_name = council_name;
  PSEPHOS_TRY(council_gss, String(d, path, "council_gss", false));
  out.council_gss = council_gss;
  PSEPHOS_TRY(ward_gss, String(d, path, "ward_gss", false));
  out.ward_gss = ward_gss;
  PSEPHOS_TRY(seats, Count(d, path, "seats", true));
  if (*seats < 1 || *seats > 20) return Fail(Join(path, "seats"), "expected 1 to 20 seats, found " + std::to_string(*seats));
  out.seats = static_cast<int>(*seats);
  PSEPHOS_TRY(electorate, Count(d, path, "electorate", false));
  out.electorate = electorate;
  PSEPHOS_TRY(papers, Count(d, path, "ballot_papers", false));
  out.ballot_papers = papers;
  PSEPHOS_TRY(rejected, Count(d, path, "rejected", false));
  out.rejected = rejected;
  PSEPHOS_TRY(status, String(d, path, "status", false));
  if (!status.empty()) {
    auto s = ParsePollStatus(status);
    if (!s) return Fail(Join(path, "status"), "'" + status + "' is not one of contested, uncontested, postponed");
    out.status = *s;
  }
  PSEPHOS_TRY(system, String(d, path, "voting_system", false));
  if (!system.empty()) {
    auto v = ParseVotingSystem(system);
    if (!v) return Fail(Join(path, "voting_system"), "'" + system + "' is not one of fptp, stv");
    out.voting_system = *v;
  }
  PSEPHOS_TRY(declared_at, String(d, path, "declared_at", false));
  out.declared_at = declared_at;
  auto candidates = d.find("candidates");
  if (candidates == d.end() || !candidates->is_array())
    return Fail(Join(path, "candidates"), "missing; expected an array of candidates");
  size_t i = 0;
  for (const auto& c : Elements(*candidates)) {
    // Made only for an error: every declaration posted to the service has its candidates read here.
    auto cpath = [&] { return Index(Join(path, "candidates"), i); };
    if (!c.is_object()) return Fail(cpath(), "expected an object");
    Candidate cand;
    PSEPHOS_TRY(name, String(c, cpath, "name", true));
    cand.name = std::move(name);
    auto party = c.find("party");
    if (party == c.end()) return Fail(Join(cpath(), "party"), "missing; expected a party id or name");
    PSEPHOS_TRY(p, Party(*party, [&] { return Join(cpath(), "party"); }));
    cand.party = std::move(p);
    PSEPHOS_TRY(votes, Count(c, cpath, "votes", out.status == PollStatus::kContested));
    cand.votes = Candidate::Votes(votes.value_or(0));
    if (auto e = c.find("elected"); e != c.end() && !e->is_null()) {
      if (!e->is_boolean()) return Fail(Join(cpath(), "elected"), "expected true or false");
      cand.elected = e->template get<bool>();
    }
    out.candidates.push_back(std::move(cand));
    ++i;
  }
  if (out.ballot_id.empty()) out.ballot_id = path;  // errors from the count need a name
  return out;
}

template <typename J>
Status Reader::ReadElection(const J& root, Election& out) const {
  if (!root.is_object()) return Fail("", "expected a JSON object with 'election', 'councils' and 'declarations'");
  auto election = root.find("election");
  if (election == root.end()) return Fail("election", "missing; expected an object");
  return ReadElectionObject(*election, out);
}

template <typename J>
Status Reader::ReadElectionObject(const J& election, Election& out) const {
  if (!election.is_object()) return Fail("election", "missing; expected an object");
  PSEPHOS_TRY(id, String(election, "election", "id", true));
  out.id = std::move(id);
  PSEPHOS_TRY(name, String(election, "election", "name", false));
  out.name = std::move(name);
  PSEPHOS_TRY(date, String(election, "election", "date", true));
  out.date = std::move(date);
  out.rehearsal = false;
  if (auto rh = election.find("rehearsal"); rh != election.end()) {
    if (!rh->is_boolean()) return Fail("election.rehearsal", "expected true or false");
    out.rehearsal = rh->template get<bool>();
  }
  return {};
}

// nlohmann reports a byte offset; people want a line.
int64_t LineOf(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n');
}

// `each`, when given, sees every value as it is parsed and may drop it (nlohmann's parser
// callback): ParseNightJson reads councils and declarations one at a time that way.
Result<json> Parse(std::string_view text, const std::string& file, const json::parser_callback_t& each = nullptr) {
  // JSON is UTF-8 (RFC 8259); nlohmann would call UTF-16 "an invalid literal", which says
  // nothing about what to do.
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return MakeError("the text is UTF-16 (it starts with a UTF-16 byte-order mark); JSON must be UTF-8", "", file, 1);
  try {
    return json::parse(text, each);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
    return MakeError("invalid JSON: " + what, "", file, LineOf(text, e.byte == 0 ? 0 : e.byte - 1));
  } catch (const json::exception& e) {
    // Not only parse_error: a number too large for a double ("2e308") throws out_of_range
    // (406), which has no byte offset; its message quotes the number, so find that instead.
    std::string what = e.what();
    const size_t open = what.find('\''), close = what.rfind('\'');
    size_t at = 0;
    if (open != std::string::npos && close > open) at = text.find(what.substr(open + 1, close - open - 1));
    if (auto p = what.find("number overflow"); p != std::string::npos) what = what.substr(p);
    return MakeError("invalid JSON: " + what, "", file, LineOf(text, at == std::string_view::npos ? 0 : at));
  }
}

json CountOrNull(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

namespace internal {

Result<NightFile> ParseNightJsonWithNlohmann(std::string_view text, std::string file, const PartyRegistry& registry) {
  Reader r(file, registry);
  NightFile night;
  // Each council and declaration is read as soon as the parser has it whole, and dropped from
  // the document: a 1000x night's setup is 320 MB of JSON, and as one nlohmann document several
  // times that. The errors are kept to be told in the order the document's checks go (the
  // election, then councils, then declarations), whatever the order of its members.
  std::string member;      // the root member being parsed
  bool in_list = false;    // inside the array of "councils" or "declarations"
  size_t index = 0;
  std::optional<Error> council_error, declaration_error;
  auto each = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
    if (depth == 1 && event == json::parse_event_t::key) {
      member = parsed.get<std::string>();
      in_list = false;
      return true;
    }
    if (depth == 1 && event == json::parse_event_t::array_start && (member == "councils" || member == "declarations")) {
      in_list = true;  // a repeated member replaces the first, as it would in the document
      index = 0;
      if (member == "councils") night.election.councils.clear(), council_error.reset();
      else night.declarations.clear(), declaration_error.reset();
      return true;
    }
    const bool element_done = event == json::parse_event_t::object_end || event == json::parse_event_t::array_end ||
                              event == json::parse_event_t::value;
    if (depth != 2 || !in_list || !element_done) return true;
    const std::string path = Reader::Index(member, index++);
    if (member == "councils") {
      if (council_error) return false;
      auto council = r.ReadCouncil(parsed, path);
      if (council) night.election.councils.push_back(std::move(*council));
      else council_error = council.error();
    } else {
      if (declaration_error) return false;
      auto declaration = r.ReadDeclaration(parsed, path);
      if (declaration) night.declarations.push_back(std::move(*declaration));
      else declaration_error = declaration.error();
    }
    return false;  // read: not kept in the document
  };
  auto doc = Parse(text, file, each);
  if (!doc) return doc.error();
  const json& root = *doc;
  if (Status s = r.ReadElection(root, night.election); !s) return s.error();
  if (auto councils = root.find("councils"); councils != root.end()) {
    if (!councils->is_array()) return r.Fail("councils", "expected an array");
    if (council_error) return *council_error;
  }
  if (auto declarations = root.find("declarations"); declarations != root.end()) {
    if (!declarations->is_array()) return r.Fail("declarations", "expected an array");
    if (declaration_error) return *declaration_error;
  }
  return night;
}

std::optional<NightFile> ParseNightJsonWithSimdjson(std::string_view text, const std::string& file,
                                                    const PartyRegistry& registry, size_t capacity) {
  simdjson::padded_string copy;
  simdjson::padded_string_view padded(text.data(), text.size(), capacity);
  if (capacity < text.size() + simdjson::SIMDJSON_PADDING) {
    copy = simdjson::padded_string(text);
    padded = copy;
  }
  // The root object is walked On Demand, which keeps only an index of the text's structure; each
  // of its members, and each council or declaration in its lists, is parsed into a DOM of its
  // own, in one parser whose memory the next reuses. As one DOM, a 1000x setup (320 MB) took
  // some 1.6 GB while it was read (BENCHMARKS.md, Memory). Every byte still goes through a DOM
  // parse, which validates it as the whole document's did; On Demand checks the rest (the
  // root's punctuation, its keys, nothing after it).
  simdjson::ondemand::parser walker;
  simdjson::ondemand::document doc;
  simdjson::ondemand::object root;
  if (walker.iterate(padded).get(doc) || doc.get_object().get(root)) return std::nullopt;
  simdjson::dom::parser parser;
  // A member's text (an object or an array, whole) parsed into `parser`; false when it is not
  // JSON. The text lies inside the padded document, so it is parsed where it is. A scalar is
  // false too: On Demand does not step over one it was not asked to read as it should (the fuzz
  // target found a root member `"a": "b": [` taken for good), and no night has one where a
  // member or a council goes, so nlohmann's path reads (or refuses) such a text.
  auto parse = [&](simdjson::ondemand::value value, simdjson::dom::element& out) -> bool {
    simdjson::ondemand::json_type type;
    if (value.type().get(type)) return false;
    std::string_view raw;
    if (type == simdjson::ondemand::json_type::object) {
      simdjson::ondemand::object object;
      if (value.get_object().get(object) || object.raw_json().get(raw)) return false;
    } else if (type == simdjson::ondemand::json_type::array) {
      simdjson::ondemand::array array;
      if (value.get_array().get(array) || array.raw_json().get(raw)) return false;
    } else {
      return false;
    }
    return !parser.parse(raw.data(), raw.size(), false).get(out);
  };
  Reader r(file, registry);
  NightFile night;
  bool has_election = false;
  for (auto member : root) {
    simdjson::ondemand::field field;
    std::string_view key;
    if (std::move(member).get(field) || field.unescaped_key().get(key)) return std::nullopt;
    // A control character in a key, escaped or not: nlohmann's path tells the raw one apart.
    if (std::any_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
      return std::nullopt;
    // A repeated member replaces the first, as nlohmann keeps it.
    if (key == "councils" || key == "declarations") {
      const bool councils = key == "councils";
      simdjson::ondemand::array list;
      if (field.value().get_array().get(list)) return std::nullopt;
      if (councils) night.election.councils.clear();
      else night.declarations.clear();
      size_t index = 0;
      for (auto item : list) {
        simdjson::ondemand::value value;
        simdjson::dom::element element;
        if (std::move(item).get(value) || !parse(value, element)) return std::nullopt;
        const std::string path = Reader::Index(councils ? "councils" : "declarations", index++);
        if (councils) {
          auto council = r.ReadCouncil(SimdJson(element), path);
          if (!council) return std::nullopt;
          night.election.councils.push_back(std::move(*council));
        } else {
          auto declaration = r.ReadDeclaration(SimdJson(element), path);
          if (!declaration) return std::nullopt;
          night.declarations.push_back(std::move(*declaration));
        }
      }
    } else {
      const bool election = key == "election";
      simdjson::dom::element element;
      if (!parse(field.value(), element)) return std::nullopt;
      if (election) {
        if (!r.ReadElectionObject(SimdJson(element), night.election)) return std::nullopt;
        has_election = true;
      }
    }
  }
  // The walk must have ended at the text's end: anything after the root is not JSON.
  const char* after = nullptr;
  if (!has_election || !doc.current_location().get(after)) return std::nullopt;
  return night;
}

}  // namespace internal

namespace {

// Through simdjson the 10x setup is read in 193M instructions (its parse 37M), through
// nlohmann's document 683M; a file simdjson cannot parse, or that the reader finds wrong, is
// read again by nlohmann, whose errors (line numbers, messages) are the ones told. The two agree
// on every file both accept (night_json_test, and the night-json fuzz target). `capacity`: the
// bytes readable from the text's start (ParseNightJsonWithSimdjson).
Result<NightFile> ParseEitherWay(std::string_view text, std::string file, const PartyRegistry& registry,
                                 size_t capacity = 0) {
  if (auto night = internal::ParseNightJsonWithSimdjson(text, file, registry, capacity)) return std::move(*night);
  return internal::ParseNightJsonWithNlohmann(text, std::move(file), registry);
}

}  // namespace

Result<NightFile> ParseNightJson(std::string_view text, std::string file, const PartyRegistry& registry) {
  return ParseEitherWay(text, std::move(file), registry);
}

Result<NightFile> ReadNightJson(const std::string& path, const PartyRegistry& registry) {
  // Mapped where it can be, simdjson's padding after it: not read into a string of its own.
  if (auto mapped = internal::MappedFile::Open(path, simdjson::SIMDJSON_PADDING))
    return ParseEitherWay(mapped->text(), path, registry, mapped->text().size() + simdjson::SIMDJSON_PADDING);
  auto text = ReadFile(path, simdjson::SIMDJSON_PADDING);
  if (!text) return text.error();
  return ParseEitherWay(*text, path, registry, text->capacity());
}

Result<Declaration> ParseDeclarationJson(std::string_view text, std::string file,
                                         const PartyRegistry& registry) {
  auto doc = Parse(text, file);
  if (!doc) return doc.error();
  return Reader(file, registry).ReadDeclaration(*doc, "");
}

Result<std::vector<Declaration>> ParseDeclarationsJson(std::string_view text, std::string file,
                                                       const PartyRegistry& registry) {
  auto doc = Parse(text, file);
  if (!doc) return doc.error();
  Reader r(file, registry);
  const json* items = &*doc;
  std::string path;
  if (doc->is_object() && doc->contains("declarations")) {
    items = &(*doc)["declarations"];
    path = "declarations";
    if (!items->is_array()) return r.Fail(path, "expected an array");
  }
  std::vector<Declaration> out;
  if (!items->is_array()) {
    PSEPHOS_TRY(d, r.ReadDeclaration(*items, ""));
    out.push_back(std::move(d));
    return out;
  }
  if (items->empty()) return r.Fail(path, "no declarations");
  for (size_t i = 0; i < items->size(); ++i) {
    PSEPHOS_TRY(d, r.ReadDeclaration((*items)[i], Reader::Index(path, i)));
    out.push_back(std::move(d));
  }
  return out;
}

Result<Council> ParseCouncilJson(std::string_view text, std::string file, const PartyRegistry& registry) {
  auto doc = Parse(text, file);
  if (!doc) return doc.error();
  return Reader(file, registry).ReadCouncil(*doc, "");
}

Result<MayoralDeclaration> ParseMayorJson(std::string_view text, std::string file) {
  auto doc = Parse(text, file);
  if (!doc) return doc.error();
  const json& root = *doc;
  auto fail = [&](const std::string& field, const std::string& message) -> Error {
    return MakeError(message, field, file);
  };
  if (!root.is_object()) return fail("", "expected an object with 'ballot', 'area' and 'candidates'");
  MayoralDeclaration out;
  for (const char* key : {"ballot", "area"}) {
    auto it = root.find(key);
    if (it == root.end() || !it->is_string() || it->get<std::string>().empty())
      return fail(key, "missing; expected a string");
  }
  out.ballot_id = root["ballot"].get<std::string>();
  out.area = root["area"].get<std::string>();
  // Whole numbers >= 0 below 10^9, as everywhere in our JSON.
  auto count = [&](const json& v, const std::string& field) -> Result<int64_t> {
    if (!v.is_number_integer() && !v.is_number_unsigned()) return fail(field, "expected a whole number, found " + JsonText(v));
    const int64_t n = v.get<int64_t>();
    if (n < 0) return fail(field, "negative (" + std::to_string(n) + ")");
    if (n > 1'000'000'000) return fail(field, "too large (" + std::to_string(n) + ")");
    return n;
  };
  auto counts = [&](const json& v, const std::string& field) -> Result<std::vector<int64_t>> {
    if (!v.is_array()) return fail(field, "expected an array of whole numbers");
    std::vector<int64_t> out;
    for (size_t i = 0; i < v.size(); ++i) {
      auto n = count(v[i], field + "[" + std::to_string(i) + "]");
      if (!n) return n.error();
      out.push_back(*n);
    }
    return out;
  };
  auto candidates = root.find("candidates");
  if (candidates == root.end() || !candidates->is_array()) return fail("candidates", "missing; expected an array");
  for (size_t i = 0; i < candidates->size(); ++i) {
    const json& c = (*candidates)[i];
    const std::string where = "candidates[" + std::to_string(i) + "]";
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string() || !c.contains("party") ||
        !c["party"].is_string())
      return fail(where, "expected {\"name\": ..., \"party\": ..., \"first\": ...}");
    SvCandidate cand{c["name"].get<std::string>(), c["party"].get<std::string>(), 0};
    if (auto first = c.find("first"); first != c.end()) {
      auto n = count(*first, where + ".first");
      if (!n) return n.error();
      cand.first = *n;
    }
    out.contest.candidates.push_back(std::move(cand));
  }
  if (auto it = root.find("second_added"); it != root.end() && !it->is_null()) {
    auto v = counts(*it, "second_added");
    if (!v) return v.error();
    out.contest.second_added = std::move(*v);
  }
  if (auto it = root.find("table"); it != root.end() && !it->is_null()) {
    if (!it->is_array()) return fail("table", "expected an array of rows");
    for (size_t i = 0; i < it->size(); ++i) {
      auto row = counts((*it)[i], "table[" + std::to_string(i) + "]");
      if (!row) return row.error();
      out.contest.table.push_back(std::move(*row));
    }
  }
  if (auto it = root.find("correction"); it != root.end() && !it->is_null()) {
    if (!it->is_boolean()) return fail("correction", "expected true or false");
    out.correction = it->get<bool>();
  }
  if (auto it = root.find("lot"); it != root.end() && !it->is_null()) {
    auto v = counts(*it, "lot");
    if (!v) return v.error();
    for (int64_t n : *v) out.contest.lot.push_back(static_cast<size_t>(n));
  }
  return out;
}

Result<Withdrawal> ParseWithdrawalJson(std::string_view text, std::string file) {
  auto doc = Parse(text, file);
  if (!doc) return doc.error();
  const json& root = *doc;
  if (!root.is_object() || !root.contains("council") || !root.contains("ward") || !root["council"].is_string() ||
      !root["ward"].is_string())
    return MakeError("expected {\"council\": \"<id>\", \"ward\": \"<id>\"}", "", file);
  return Withdrawal{root["council"].get<std::string>(), root["ward"].get<std::string>()};
}

std::string WriteWithdrawalJson(const Withdrawal& withdrawal) {
  return JsonText(json{{"council", withdrawal.council}, {"ward", withdrawal.ward}});
}

std::string WriteMayorJson(const MayoralDeclaration& mayor) {
  json candidates = json::array();
  for (const SvCandidate& c : mayor.contest.candidates)
    candidates.push_back({{"name", c.name}, {"party", c.party}, {"first", c.first}});
  json out = {{"ballot", mayor.ballot_id}, {"area", mayor.area}, {"candidates", candidates}};
  if (mayor.contest.second_added) out["second_added"] = *mayor.contest.second_added;
  if (!mayor.contest.table.empty()) out["table"] = mayor.contest.table;
  if (!mayor.contest.lot.empty()) out["lot"] = mayor.contest.lot;
  return JsonText(out);
}

namespace {

json CouncilToJson(const Council& c) {
  json not_up = json::object();
  int independents = 0;
  for (const auto& [key, n] : c.not_up) {
    if (key.starts_with("IND:")) independents += n;
    else not_up[key] = n;
  }
  if (independents) not_up[std::string(kIndependent)] = independents;
  json wards = json::array();
  for (const Ward& w : c.wards) {
    json defending = json::array(), last_won = json::array();
    auto key = [](const OptionalShortString& k) {
      if (!k) return json(nullptr);
      return json(k->starts_with("IND:") ? std::string(kIndependent) : k->str());
    };
    for (const SeatUp& s : w.seats_up) {
      defending.push_back(key(s.defending));
      last_won.push_back(key(s.last_won));
    }
    wards.push_back({{"id", w.id}, {"gss", w.gss}, {"name", w.name}, {"defending", defending},
                     {"last_won", last_won}});
  }
  return {{"id", c.id}, {"gss", c.gss}, {"name", c.name},
          {"type", std::string(ToString(c.type))}, {"region", c.region},
          {"seats", c.total_seats}, {"cycle", std::string(ToString(c.cycle))},
          {"not_up", not_up}, {"vacant_not_up", c.vacant_not_up}, {"wards", wards}};
}

json DeclarationToJson(const Declaration& d) {
  json candidates = json::array();
  for (const Candidate& c : d.candidates) {
    json cj = {{"name", c.name}, {"party", c.party}, {"votes", c.votes}};
    if (c.elected) cj["elected"] = *c.elected;
    candidates.push_back(cj);
  }
  json out = {{"ballot", d.ballot_id}, {"council", d.council}, {"ward", d.ward},
          {"ward_name", d.ward_name}, {"ward_gss", d.ward_gss}, {"seats", d.seats},
          {"electorate", CountOrNull(d.electorate)},
          {"ballot_papers", CountOrNull(d.ballot_papers)},
          {"rejected", CountOrNull(d.rejected)},
          {"status", std::string(ToString(d.status))}, {"declared_at", d.declared_at},
          {"candidates", candidates}};
  // The council's own name and code, when the declaration carries them: a council inferred
  // from its declarations takes them from the first, so what is read back must be what was
  // applied (the live engine applies the declaration in hand; a restart, the logged one).
  if (!d.council_name.empty()) out["council_name"] = d.council_name;
  if (!d.council_gss.empty()) out["council_gss"] = d.council_gss;
  // Written only for STV, so that first-past-the-post nights read as before.
  if (d.voting_system != VotingSystem::kFirstPastThePost) out["voting_system"] = std::string(ToString(d.voting_system));
  return out;
}

}  // namespace

std::string WriteCouncilJson(const Council& council) { return JsonText(CouncilToJson(council)); }
// The engine writes one of these for every declaration it logs, so it is written directly
// (json_writer.h) rather than through DeclarationToJson; night_json_test.cc holds the two to
// the same bytes. Keys in sorted order, as nlohmann keeps them.
std::string WriteDeclarationJson(const Declaration& d) {
  JsonWriter w;
  w.BeginObject().Key("ballot").String(d.ballot_id).Key("ballot_papers").IntOrNull(d.ballot_papers);
  w.Key("candidates").BeginArray();
  for (const Candidate& c : d.candidates) {
    w.BeginObject();
    if (c.elected) w.Key("elected").Bool(*c.elected);
    w.Key("name").String(c.name).Key("party").String(c.party).Key("votes").Int(c.votes).EndObject();
  }
  w.EndArray().Key("council").String(d.council);
  if (!d.council_gss.empty()) w.Key("council_gss").String(d.council_gss);
  if (!d.council_name.empty()) w.Key("council_name").String(d.council_name);
  w.Key("declared_at").String(d.declared_at).Key("electorate").IntOrNull(d.electorate);
  w.Key("rejected").IntOrNull(d.rejected).Key("seats").Int(d.seats);
  w.Key("status").String(ToString(d.status));
  if (d.voting_system != VotingSystem::kFirstPastThePost) w.Key("voting_system").String(ToString(d.voting_system));
  w.Key("ward").String(d.ward).Key("ward_gss").String(d.ward_gss).Key("ward_name").String(d.ward_name);
  return w.EndObject().Take();
}

std::string WriteNightJson(const Election& election, const std::vector<Declaration>& declarations) {
  json root;
  root["election"] = {{"id", election.id}, {"name", election.name}, {"date", election.date},
                      {"rehearsal", election.rehearsal}};
  json councils = json::array();
  for (const Council& c : election.councils) councils.push_back(CouncilToJson(c));
  root["councils"] = councils;
  json decls = json::array();
  for (const Declaration& d : declarations) decls.push_back(DeclarationToJson(d));
  root["declarations"] = decls;
  return JsonText(root, 1) + "\n";
}

}  // namespace psephos
