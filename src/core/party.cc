#include "core/party.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "core/compact_string.h"

namespace psephos {

namespace {

bool IsIndependentKey(std::string_view key) {
  return key == kIndependent || key.starts_with("IND:");
}

// "PP53", "PP 53", "party:53", "ec:PP53" -> "PP53"; anything else nullopt.
std::optional<std::string> AsCommissionId(std::string_view label) {
  std::string_view s = label;
  if (s.starts_with("party:")) s.remove_prefix(6);
  else if (s.size() > 2 && (s[0] == 'P' || s[0] == 'p') && (s[1] == 'P' || s[1] == 'p')) {
    s.remove_prefix(2);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  if (s.empty() || s.size() > 8) return std::nullopt;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  return "PP" + std::string(s);
}

}  // namespace

std::string PartyRegistry::Normalize(std::string_view label) {
  std::string out;
  out.reserve(label.size());
  bool space = false;
  for (size_t i = 0; i < label.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(label[i]);
    if (c == '&') {
      if (!out.empty()) out += ' ';
      out += "and";
      space = true;
      continue;
    }
    if (c == '\'' || c == '`') continue;  // "Women's" == "Womens"
    if (c >= 0x80) {                      // UTF-8 apostrophes and dashes: treat as a break
      space = true;
      continue;
    }
    if (std::isalnum(c) || c == '*') {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

Status PartyRegistry::Add(Party party) {
  if (party.id.empty()) return MakeError("a party needs an id", "id");
  const size_t at = by_id_.FindOrAdd(ShortKeyHash(party.id), parties_.size(),
                                     [&](size_t p) { return internal::SameText(parties_[p].id, party.id); });
  if (at != parties_.size()) return MakeError("party id '" + party.id + "' registered twice", "id");
  std::string name = party.name;
  std::string id = party.id;
  parties_.push_back(std::move(party));
  // A party's own name and id are always aliases of it.
  aliases_.emplace(Normalize(name), id);
  aliases_.emplace(Normalize(id), id);
  return {};
}

Status PartyRegistry::AddAlias(std::string_view alias, std::string_view id) {
  if (!Find(id)) return MakeError("alias '" + std::string(alias) + "' names unknown party id '" +
                                      std::string(id) + "'", "id");
  std::string key = Normalize(alias);
  if (key.empty()) return MakeError("empty alias", "alias");
  if (key.back() == '*') {
    key.pop_back();
    while (!key.empty() && key.back() == ' ') key.pop_back();
    prefixes_.emplace_back(key, std::string(id));
    // Longest prefix first, so the most specific match wins.
    std::stable_sort(prefixes_.begin(), prefixes_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return {};
  }
  auto [it, inserted] = aliases_.emplace(key, std::string(id));
  if (!inserted && it->second != id)
    return MakeError("alias '" + std::string(alias) + "' already names " + it->second, "alias");
  return {};
}

const Party* PartyRegistry::Find(std::string_view id) const {
  const auto at = by_id_.Find(ShortKeyHash(id), [&](size_t p) { return internal::SameText(parties_[p].id, id); });
  return at ? &parties_[*at] : nullptr;
}

std::optional<std::string> PartyRegistry::Resolve(std::string_view label) const {
  // An id as the registry holds it ("PP53", as every setup file names parties) is itself; a
  // Commission number in another form ("party:53", "pp 53") would come to the same id.
  if (Find(label)) return std::string(label);
  if (auto ec = AsCommissionId(label)) {
    if (Find(*ec)) return ec;
    return std::nullopt;
  }
  std::string key = Normalize(label);
  if (auto it = aliases_.find(key); it != aliases_.end()) return it->second;
  for (const auto& [prefix, id] : prefixes_)
    if (key.starts_with(prefix)) return id;
  return std::nullopt;
}

std::string PartyRegistry::ControlKey(std::string_view id, std::string_view candidate_name) {
  if (id == kIndependent) return "IND:" + std::string(candidate_name);
  return std::string(id);
}

std::string_view PartyRegistry::TotalsGroup(std::string_view key) const {
  if (IsIndependentKey(key)) return kIndependent;
  const Party* party = Find(key);
  if (!party || party->group.empty()) return key;
  return party->group;
}

std::string PartyRegistry::DisplayName(std::string_view key) const {
  if (key.starts_with("IND:")) return "Independent (" + std::string(key.substr(4)) + ")";
  const Party* party = Find(key);
  return party ? party->name : std::string(key);
}

std::string PartyRegistry::ShortName(std::string_view key) const {
  if (key.starts_with("IND:")) return "Ind";
  const Party* party = Find(key);
  if (!party) return std::string(key);
  return party->short_name.empty() ? party->name : party->short_name;
}

}  // namespace psephos
