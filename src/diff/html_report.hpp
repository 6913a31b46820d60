// The HTML report of `digest diff --format html`: one self-contained page
// (inline CSS, no script, nothing fetched) with a summary table of every
// file pair and, per pair with differences, its entries side by side with
// <del>/<ins> word highlights. Built as a libxml2 HTML tree, which does all
// the escaping; the same field pieces as the text views (field_view.hpp).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "digestkit/diff.hpp"

namespace digestkit::diff_detail {

class HtmlReport {
 public:
  explicit HtmlReport(const DiffReportOptions& options);
  ~HtmlReport();
  HtmlReport(const HtmlReport&) = delete;
  HtmlReport& operator=(const HtmlReport&) = delete;

  // Renders the file's row and, when it differs, its section (so the
  // FileDiff can be dropped afterwards).
  void add(const FileDiff& file);
  // The page: rows and sections sorted by path, deterministic bytes.
  [[nodiscard]] std::string finish(const std::string& old_name, const std::string& new_name) const;

  struct Section;  // a rendered section (a libxml2 document of its own)

 private:
  struct Row {
    std::string path;
    std::string label;  // the path, or "OLD → NEW" for two files named alone
    FileDiffStatus status = FileDiffStatus::Compared;
    DiffCounts counts;
    std::string anchor;  // the section's id; empty without a section
  };
  DiffReportOptions options_;
  std::vector<Row> rows_;
  std::vector<std::unique_ptr<Section>> sections_;
  std::set<std::string> ids_;  // every id given so far: each is unique in the page
};

}  // namespace digestkit::diff_detail
