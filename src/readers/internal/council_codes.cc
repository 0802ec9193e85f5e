#include "readers/internal/council_codes.h"

#include <array>
#include <cctype>
#include <utility>

namespace psephos::internal {

namespace {

// ONS register of local authority codes (E06 unitary, E07 district, E08 metropolitan,
// E10 county). Only the councils of the files we read; extend as readers meet new ones.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kCouncilGss{{
    {"barnsley", "E08000016"},
    {"blackburn-with-darwen", "E06000008"},
    {"blackpool", "E06000009"},
    {"burnley", "E07000117"},
    {"chorley", "E07000118"},
    {"fylde", "E07000119"},
    {"hyndburn", "E07000120"},
    {"lancashire", "E10000017"},
    {"lancaster", "E07000121"},
    {"pendle", "E07000122"},
    {"preston", "E07000123"},
    {"ribble-valley", "E07000124"},
    {"rossendale", "E07000125"},
    {"sheffield", "E08000019"},
    {"south-ribble", "E07000126"},
    {"trafford", "E08000009"},
    {"west-lancashire", "E07000127"},
    {"wyre", "E07000128"},
}};

}  // namespace

std::string KnownCouncilGss(std::string_view slug) {
  for (const auto& [known, gss] : kCouncilGss)
    if (known == slug) return std::string(gss);
  return "";
}

std::string CouncilNameFromSlug(std::string_view slug) {
  std::string out;
  size_t start = 0;
  while (start <= slug.size()) {
    size_t dash = slug.find('-', start);
    std::string_view word = slug.substr(start, dash == std::string_view::npos ? slug.npos : dash - start);
    // Small words stay lower case inside a name, as councils write them.
    bool small = !out.empty() && (word == "and" || word == "with" || word == "upon" ||
                                  word == "on" || word == "of" || word == "the" || word == "in");
    if (!out.empty()) out += ' ';
    std::string w(word);
    if (!small && !w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    out += w;
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return out;
}

}  // namespace psephos::internal
