#include "core/index_list.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace psephos {

uint32_t* IndexList::Block() const noexcept {
  uint32_t* block;
  std::memcpy(&block, data_, sizeof block);
  return block;
}

void IndexList::SetBlock(uint32_t* block) noexcept { std::memcpy(data_, &block, sizeof block); }

void IndexList::push_back(size_t position) {
  if (position > std::numeric_limits<uint32_t>::max() || size_ == std::numeric_limits<uint32_t>::max())
    throw std::length_error("IndexList: a position or a length beyond 32 bits");
  const auto value = static_cast<uint32_t>(position);
  if (size_ < kInline) {
    data_[size_++] = value;
    return;
  }
  // A block holds the next power of two at or above the size: full when the size is one.
  if (size_ == kInline || std::has_single_bit(size_)) {
    const size_t capacity = std::bit_ceil(static_cast<size_t>(size_) + 1);
    auto* block = new uint32_t[capacity];
    std::copy(begin(), end(), block);
    if (OnHeap()) delete[] Block();
    SetBlock(block);
  }
  Block()[size_++] = value;
}

void IndexList::clear() noexcept {
  if (OnHeap()) delete[] Block();
  size_ = 0;
}

void IndexList::Take(IndexList& other) noexcept {
  std::memcpy(data_, other.data_, sizeof data_);
  size_ = other.size_;
  other.size_ = 0;
}

bool operator==(const IndexList& a, const IndexList& b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

bool operator==(const IndexList& a, const std::vector<size_t>& b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace psephos
