#include "readers/fields.h"

#include <cctype>

#include "core/ascii_case.h"
#include "core/model.h"

namespace psephos {

std::string TrimText(std::string_view s) { return std::string(TrimView(s)); }

std::string_view internal::TrimEnds(std::string_view s) {
  auto strip_front = [&] {
    if (s.starts_with("\xC2\xA0")) { s.remove_prefix(2); return true; }
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) { s.remove_prefix(1); return true; }
    return false;
  };
  auto strip_back = [&] {
    if (s.ends_with("\xC2\xA0")) { s.remove_suffix(2); return true; }
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) { s.remove_suffix(1); return true; }
    return false;
  };
  while (strip_front()) {}
  while (strip_back()) {}
  return s;
}

std::optional<int64_t> ParseCountText(std::string_view text) {
  // Nearly every count is up to nine plain digits (below the limit whatever they are): read
  // those at once. A count is read for every candidate row, and twice with a spoilt column.
  if (!text.empty() && text.size() <= 9) {
    int64_t value = 0;
    size_t i = 0;
    for (; i < text.size(); ++i) {
      const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
      if (digit > 9) break;
      value = value * 10 + digit;
    }
    if (i == text.size()) return value;
  }
  const std::string_view t = TrimView(text);
  if (t.empty()) return std::nullopt;
  // Commas must group digits in threes: "1,571" yes, "15,71" and "1,5710" no.
  if (t.find(',') != std::string::npos) {
    size_t start = 0, group = 0;
    while (true) {
      size_t comma = t.find(',', start);
      size_t len = (comma == std::string::npos ? t.size() : comma) - start;
      if (group == 0 ? (len < 1 || len > 3) : len != 3) return std::nullopt;
      if (comma == std::string::npos) break;
      start = comma + 1;
      ++group;
    }
  }
  int64_t value = 0;
  int digits = 0;
  for (char c : t) {
    if (c == ',') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
    if (++digits > 10 || value > 1'000'000'000) return std::nullopt;
  }
  return value;
}

Result<int64_t> ParseCount(const CsvTable& table, const CsvRow& row, size_t column) {
  const std::string_view text = row.fields[column];
  if (auto v = ParseCountText(text)) return *v;
  std::string t = TrimText(text);
  if (t.empty()) return table.FieldError(row, column, "empty; expected a whole number");
  if (t.front() == '-') return table.FieldError(row, column, "negative ('" + t + "'); expected a whole number >= 0");
  return table.FieldError(row, column, "'" + t + "' is not a whole number up to 1,000,000,000");
}

Result<std::optional<int64_t>> ParseOptionalCount(const CsvTable& table, const CsvRow& row,
                                                  size_t column) {
  if (auto v = ParseCountText(row.fields[column])) return std::optional<int64_t>(*v);
  if (TrimView(row.fields[column]).empty()) return std::optional<int64_t>();
  auto v = ParseCount(table, row, column);
  if (!v) return v.error();
  return std::optional<int64_t>(*v);
}

std::optional<bool> ParseFlagText(std::string_view text) {
  // Lowered into a buffer on the stack, not a string, and in ASCII (core/ascii_case.h): a flag
  // is read for every candidate row.
  const std::string_view trimmed = TrimView(text);
  char buffer[12];
  if (trimmed.size() > sizeof buffer) return std::nullopt;  // longer than any flag
  for (size_t i = 0; i < trimmed.size(); ++i)
    buffer[i] = AsciiLower(trimmed[i]);
  const std::string_view t(buffer, trimmed.size());
  if (t == "yes" || t == "y" || t == "true" || t == "t" || t == "elected" || t == "1") return true;
  if (t == "no" || t == "n" || t == "false" || t == "f" || t == "not elected" || t == "0") return false;
  return std::nullopt;
}

Result<bool> ParseFlag(const CsvTable& table, const CsvRow& row, size_t column,
                       bool empty_is_false) {
  const std::string_view text = row.fields[column];
  if (empty_is_false && TrimView(text).empty()) return false;
  if (auto v = ParseFlagText(text)) return *v;
  return table.FieldError(row, column,
                          "'" + std::string(text) +
                              "' is not an elected flag (expected yes/no, true/false, t/f, ELECTED/NOT ELECTED)");
}

Status CheckFlaggedSeats(Declaration& d, const CsvTable& table, const CsvRow& row, size_t column) {
  int flagged = 0;
  for (const Candidate& candidate : d.candidates) flagged += candidate.elected.value_or(false) ? 1 : 0;
  if (flagged != d.seats)
    return table.FieldError(row, column,
                            d.ward_name + " (" + d.council_name + ") has " + std::to_string(flagged) +
                                " candidates flagged elected for " + std::to_string(d.seats) + " seats");
  if (static_cast<int>(d.candidates.size()) <= d.seats) d.status = PollStatus::kUncontested;
  return {};
}

PartyResolver::PartyResolver(const PartyRegistry& registry, UnknownParties unknown)
    : base_(&registry), unknown_(unknown) {}

Result<std::string> PartyResolver::Resolve(std::string_view label, const std::string& file,
                                           int64_t line, const std::string& field) {
  std::string text = TrimText(label);
  if (text.empty()) return MakeError("empty party", field, file, line);
  if (auto id = registry().Resolve(text)) return *id;
  if (unknown_ == UnknownParties::kError)
    return MakeError("unknown party '" + text +
                         "' (add it to data/party_aliases.csv, or import with --allow-unknown-parties)",
                     field, file, line);
  std::string id = "LOCAL:" + Slugify(text);
  if (!registry().Find(id)) {
    if (!own_) own_ = *base_;
    Status s = own_->Add(Party{id, text, text, "#AAAAAA", ""});
    if (!s) return MakeError(s.error().message, field, file, line);
  }
  new_parties_.emplace(text, id);
  return id;
}

Result<std::string> PartyResolver::Resolve(std::string_view label, const CsvTable& table,
                                           const CsvRow& row, size_t column) {
  std::string field = column < table.header.size() ? table.header[column] : "party";
  return Resolve(label, table.file, row.line, field);
}

}  // namespace psephos
