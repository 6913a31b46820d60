// A block's anchor, read with the page_dump line rules.
#include <tao/pegtl.hpp>

#include "block.hpp"
#include "line_actions.hpp"

namespace digestkit::extract_detail {

void classify(Block& block) {
  LineFacts facts;
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(block.text.data(),
                                                               block.text.data() + block.text.size(), "");
  tao::pegtl::parse<pd::block, line_action>(in, facts);
  if (block.kind == BlockKind::Heading && facts.kind != BlockKind::DateHeading) {
    block.value = block.text;
    return;
  }
  block.kind = facts.kind;
  block.has_value = facts.has_value;
  block.marker = facts.marker;
  block.date_year = facts.year;
  block.date_month = facts.month;
  block.date_day = facts.day;
  if (facts.value_begin != nullptr) {
    block.value =
        std::string_view(facts.value_begin, block.text.data() + block.text.size() - facts.value_begin);
  } else if (facts.kind == BlockKind::Text) {
    block.value = block.text;
  }
}

}  // namespace digestkit::extract_detail
