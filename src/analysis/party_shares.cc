#include "analysis/party_shares.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace psephos {

std::optional<std::string> PartyByLabel(const PartyRegistry& registry, const std::string& label) {
  if (auto id = registry.Resolve(label)) return id;
  std::string lower = label;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower == "green" || lower == "grn") return "PP63";
  for (const Party& p : registry.parties()) {
    std::string s = p.short_name;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s == lower) return p.id;
  }
  return std::nullopt;
}

// "CON=42.4,LAB=40.0" -> {PP52: 42.4, PP53: 40.0}.
Result<std::map<std::string, double>> ParseShares(const PartyRegistry& registry,
                                                  const std::string& text,
                                                  const std::string& field) {
  std::map<std::string, double> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    const size_t eq = item.find('=');
    if (eq == std::string::npos)
      return MakeError("expected PARTY=PERCENT, got '" + item + "'", field);
    auto party = PartyByLabel(registry, item.substr(0, eq));
    if (!party) return MakeError("unknown party '" + item.substr(0, eq) + "'", field);
    try {
      size_t used = 0;
      const std::string number = item.substr(eq + 1);
      out[*party] = std::stod(number, &used);
      if (used != number.size()) throw std::invalid_argument(number);
    } catch (const std::exception&) {
      return MakeError("expected a percentage after '=' in '" + item + "'", field);
    }
    start = end + 1;
  }
  if (out.empty()) return MakeError("no shares given", field);
  return out;
}

}  // namespace psephos
