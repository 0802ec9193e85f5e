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

}  // namespace psephos
