// index_list.h
//
// IndexList: a short list of positions (a ward's elected candidates, those tied for the last
// seat) in 16 bytes. Up to three live in the object itself, as most wards fill one to three
// seats; a longer list is one heap block. A std::vector<size_t> is 24 bytes and a heap block
// even for one: a night counts every ward (2.9 million at 1000x), and each count holds two
// lists (BENCHMARKS.md, Memory).
//
// It reads as a container of positions (begin, end, size, operator[]) and is built by
// push_back or from a vector; positions are 32-bit.
//
//   IndexList elected;
//   elected.push_back(2);
//   for (size_t i : elected) ...;
//   elected = std::vector<size_t>{0, 1};
#ifndef PSEPHOS_CORE_INDEX_LIST_H_
#define PSEPHOS_CORE_INDEX_LIST_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace psephos {

class IndexList {
 public:
  using value_type = uint32_t;
  using const_iterator = const uint32_t*;
  using iterator = const_iterator;
  using size_type = size_t;
  static constexpr size_t kInline = 3;  // the longest list held in the object

  IndexList() noexcept = default;
  IndexList(std::initializer_list<size_t> positions) { assign(positions.begin(), positions.end()); }
  IndexList(const std::vector<size_t>& positions) { assign(positions.begin(), positions.end()); }  // NOLINT
  IndexList(const IndexList& other) { assign(other.begin(), other.end()); }
  IndexList(IndexList&& other) noexcept { Take(other); }
  IndexList& operator=(const IndexList& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }
  IndexList& operator=(IndexList&& other) noexcept {
    if (this != &other) {
      clear();
      Take(other);
    }
    return *this;
  }
  ~IndexList() { clear(); }

  const uint32_t* begin() const noexcept { return OnHeap() ? Block() : data_; }
  const uint32_t* end() const noexcept { return begin() + size_; }
  size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  size_t operator[](size_t i) const noexcept { return begin()[i]; }
  size_t front() const noexcept { return begin()[0]; }
  size_t back() const noexcept { return begin()[size_ - 1]; }

  // Throws std::length_error for a position that does not fit 32 bits.
  void push_back(size_t position);
  template <typename It>
  void assign(It first, It last) {
    clear();
    for (; first != last; ++first) push_back(*first);
  }
  void clear() noexcept;

  friend bool operator==(const IndexList& a, const IndexList& b) noexcept;
  friend bool operator==(const IndexList& a, const std::vector<size_t>& b) noexcept;

 private:
  // A list longer than kInline is on the heap, in a block of the next power of two at or above
  // its size (so the capacity need not be kept); its address is in data_[0..1].
  bool OnHeap() const noexcept { return size_ > kInline; }
  uint32_t* Block() const noexcept;
  void SetBlock(uint32_t* block) noexcept;
  void Take(IndexList& other) noexcept;

  uint32_t data_[kInline] = {};
  uint32_t size_ = 0;
};

static_assert(sizeof(IndexList) == 16);

}  // namespace psephos

#endif  // PSEPHOS_CORE_INDEX_LIST_H_
