#include "core/compact_string.h"

#include <limits>
#include <stdexcept>

namespace psephos {

void CompactString::Assign(std::string_view text) {
  if (text.size() <= kInline) {
    if (!text.empty()) std::memcpy(bytes_, text.data(), text.size());  // an empty view's data may be null
    bytes_[kTag] = static_cast<unsigned char>(text.size());
    return;
  }
  if (text.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("CompactString: a text of 4 GiB or more");
  char* block = new char[text.size()];
  std::memcpy(block, text.data(), text.size());
  const auto size = static_cast<uint32_t>(text.size());
  std::memcpy(bytes_, &block, sizeof block);
  std::memcpy(bytes_ + sizeof block, &size, sizeof size);
  bytes_[kTag] = kHeap;
}

void ShortString::Assign(std::string_view text) {
  if (text.size() <= kInline) {
    bytes_[0] = static_cast<unsigned char>(text.size() << 1 | 1);
    if (!text.empty()) std::memcpy(bytes_ + 1, text.data(), text.size());  // an empty view's data may be null
    return;
  }
  if (text.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("ShortString: a text of 4 GiB or more");
  const auto size = static_cast<uint32_t>(text.size());
  char* block = new char[sizeof size + text.size()];
  std::memcpy(block, &size, sizeof size);
  std::memcpy(block + sizeof size, text.data(), text.size());
  std::memcpy(bytes_, &block, sizeof block);
}

}  // namespace psephos
