#include "core/compact_string.h"

#include <limits>
#include <stdexcept>

namespace psephos::internal {

namespace {

uint32_t CheckedSize(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("a compact text of 4 GiB or more");
  return static_cast<uint32_t>(text.size());
}

}  // namespace

void StoreTagged(unsigned char* bytes, size_t object_size, std::string_view text) {
  const size_t tag = object_size - 1;
  if (text.size() <= tag) {
    if (!text.empty()) std::memcpy(bytes, text.data(), text.size());  // an empty view's data may be null
    bytes[tag] = static_cast<unsigned char>(text.size());
    return;
  }
  const uint32_t size = CheckedSize(text);
  char* block = new char[size];
  std::memcpy(block, text.data(), size);
  std::memcpy(bytes, &block, sizeof block);
  std::memcpy(bytes + sizeof block, &size, sizeof size);
  bytes[tag] = kTaggedHeap;
}

void Inline7::Store(unsigned char* bytes, std::string_view text) {
  if (text.size() <= kInline) {
    bytes[0] = static_cast<unsigned char>(text.size() << 1 | 1);
    if (!text.empty()) std::memcpy(bytes + 1, text.data(), text.size());
    return;
  }
  const uint32_t size = CheckedSize(text);
  char* block = new char[sizeof size + size];
  std::memcpy(block, &size, sizeof size);
  std::memcpy(block + sizeof size, text.data(), size);
  std::memcpy(bytes, &block, sizeof block);
}

}  // namespace psephos::internal
