// Baselines end to end: `digest validate --write-baseline` records a run's
// findings, `--baseline` reports only new ones, both together prune. Keys
// must survive what re-scrapes do to old posts (a new entry on top, CRLF
// turned into LF, running from another folder) and still let a new fault
// in an old post through.
#include <gtest/gtest.h>

#include <iostream>

#include "digestkit/lint_baseline.hpp"
#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_command;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;
using digestkit::testing::write_file;

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("fixture lacks \"" + from + "\"");
  return text.replace(at, from.size(), to);
}

std::string with_crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// The clean fixture with two faults: a bidi control in the first entry's
// abstract (DG209, error) and trailing blanks after the second title
// (DG204, warning).
std::string faulty_post() {
  std::string text = read_file(testdata("lint/rules/clean.txt"));
  text = replace_once(text, "sparse lattice encoders for forecasting",
                      "sparse lattice \u202eencoders for forecasting");
  text = replace_once(text, "Growing Neural Networks from Seeds\n", "Growing Neural Networks from Seeds  \n");
  return text;
}

// A new entry put before the first one, as the next scrape of a digest
// that grew would have it.
std::string with_new_first_entry(const std::string& text) {
  const std::string first = "Sparse Lattice Encoders for Tidal Forecasting\n";
  const std::size_t begin = text.find(first);
  const std::size_t marker_end = text.find("\n\n", text.find("PDF", begin)) + 2;
  const std::size_t block_end = text.find('\n', marker_end) + 2;  // the marker line and its blank line
  std::string block = text.substr(begin, block_end - begin);
  block = replace_once(block, "Sparse Lattice Encoders for Tidal Forecasting",
                       "Quiet Harbours: Wave Models at Rest");
  const std::size_t abstract = block.find("We study");
  block.replace(abstract, block.find('\n', abstract) - abstract,
                "We fit wave models to harbour buoys and find them calm.");
  return text.substr(0, begin) + block + text.substr(begin);
}

class BaselineCli : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = digestkit::testing::make_temp_dir("lint-baseline");
    fs::create_directories(root_ / "posts");
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(root_);
    if (HasFailure()) std::cerr << "left for inspection: " << root_ << '\n';
  }

  void write_post(const std::string& text) { write_file(root_ / "posts" / "a.txt", text); }

  // `digest validate ARGS` run in `folder` (relative to the temporary root).
  digestkit::testing::CommandResult validate(const std::string& args, const std::string& folder = ".") {
    return run_command("cd " + shell_quote((root_ / folder).string()) + " && NO_COLOR=1 " + DIGEST_EXE +
                       " validate --today 2030-01-01 " + args);
  }

  fs::path root_;
};

TEST_F(BaselineCli, RecordedFindingsAreNotReportedAgain) {
  write_post(faulty_post());
  const auto plain = validate("posts/");
  ASSERT_EQ(plain.exit_code, 1) << plain.out << plain.err;
  ASSERT_NE(plain.out.find("[DG209]"), std::string::npos) << plain.out;
  ASSERT_NE(plain.out.find("[DG204]"), std::string::npos) << plain.out;

  const auto written = validate("--write-baseline base.json posts/");
  EXPECT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(written.out, "");
  EXPECT_NE(written.err.find("wrote 2 findings to base.json"), std::string::npos) << written.err;
  const std::string baseline = read_file(root_ / "base.json");
  EXPECT_EQ(digestkit::testing::schema_errors(baseline, "digestkit-baseline-1.schema.json"), "");
  EXPECT_NE(baseline.find("\"file\": \"posts/a.txt\""), std::string::npos) << baseline;
  EXPECT_NE(baseline.find("\"entry\": \"gradient gardens: growing neural networks from seeds\""),
            std::string::npos)
      << baseline;
  EXPECT_EQ(baseline.find("\"line\""), std::string::npos) << "no line numbers in keys";

  // Same findings, same bytes.
  ASSERT_EQ(validate("--write-baseline again.json posts/").exit_code, 0);
  EXPECT_EQ(read_file(root_ / "again.json"), baseline);

  const auto checked = validate("--baseline base.json posts/");
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  EXPECT_EQ(checked.out, "");
  EXPECT_EQ(checked.err, "");
}

TEST_F(BaselineCli, PathsAreRelativeToTheBaselineFolderNotTheCurrentOne) {
  write_post(faulty_post());
  ASSERT_EQ(validate("--write-baseline base.json posts/a.txt").exit_code, 0);
  const auto elsewhere = validate("--baseline ../base.json a.txt", "posts");
  EXPECT_EQ(elsewhere.exit_code, 0) << elsewhere.out << elsewhere.err;
  const auto absolute = validate("--baseline base.json " + shell_quote((root_ / "posts").string()));
  EXPECT_EQ(absolute.exit_code, 0) << absolute.out << absolute.err;
}

TEST_F(BaselineCli, ANewEntryOnTopResurrectsNothing) {
  write_post(faulty_post());
  ASSERT_EQ(validate("--write-baseline base.json posts/").exit_code, 0);
  write_post(with_new_first_entry(faulty_post()));
  const auto plain = validate("posts/");
  ASSERT_EQ(plain.exit_code, 1);
  ASSERT_NE(plain.out.find("a.txt:19:25: error"), std::string::npos) << "the fixture's faults moved down\n"
                                                                     << plain.out;
  const auto checked = validate("--baseline base.json posts/");
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  EXPECT_EQ(checked.out, "");
}

TEST_F(BaselineCli, CrlfToLfResurrectsNothing) {
  write_post(with_crlf(faulty_post()));
  ASSERT_EQ(validate("--write-baseline base.json posts/").exit_code, 0);
  write_post(faulty_post());
  const auto checked = validate("--baseline base.json posts/");
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  EXPECT_EQ(checked.out, "");
}

TEST_F(BaselineCli, ANewFaultInAnOldPostIsReported) {
  write_post(faulty_post());
  ASSERT_EQ(validate("--write-baseline base.json posts/").exit_code, 0);
  // The same kind of fault (DG209) once more, in the other entry.
  write_post(replace_once(faulty_post(), "by splitting neurons", "by \u202esplitting neurons"));
  const auto checked = validate("--baseline base.json posts/");
  EXPECT_EQ(checked.exit_code, 1) << checked.err;
  EXPECT_NE(checked.out.find("[DG209]"), std::string::npos) << checked.out;
  EXPECT_EQ(checked.out.find("[DG204]"), std::string::npos) << checked.out;
  EXPECT_EQ(checked.out.find("sparse lattice"), std::string::npos) << "the baselined DG209 stays hidden\n"
                                                                   << checked.out;
  EXPECT_NE(checked.err.find("1 error in 1 file of 1 (2 more in the baseline)"), std::string::npos)
      << checked.err;

  // The same fault twice in one entry where the baseline holds it once.
  write_post(replace_once(faulty_post(), "coastal sensor", "\u202ecoastal sensor"));
  EXPECT_EQ(validate("--baseline base.json posts/").exit_code, 1)
      << "the baseline holds one such finding in that entry, not two";
}

TEST_F(BaselineCli, BothTogetherPruneWhatNoLongerOccurs) {
  write_post(faulty_post());
  write_file(root_ / "posts" / "b.txt", faulty_post());
  ASSERT_EQ(validate("--write-baseline base.json posts/").exit_code, 0);
  // a.txt loses its DG204; b.txt is not linted this time, so its two
  // entries stay (DG402, the same digest as a.txt's, is info: not recorded).
  write_post(replace_once(faulty_post(), "from Seeds  \n", "from Seeds\n"));
  const auto pruned = validate("--baseline base.json --write-baseline base.json posts/a.txt");
  EXPECT_EQ(pruned.exit_code, 0) << pruned.out << pruned.err;
  EXPECT_NE(pruned.err.find("wrote 3 findings to base.json"), std::string::npos) << pruned.err;
  const std::string baseline = read_file(root_ / "base.json");
  EXPECT_EQ(digestkit::testing::schema_errors(baseline, "digestkit-baseline-1.schema.json"), "");

  const digestkit::lint::Baseline read = digestkit::lint::Baseline::read(root_ / "base.json");
  EXPECT_EQ(read.size(), 3U);
  std::size_t entries_of_a = 0;
  for (std::size_t at = baseline.find("posts/a.txt"); at != std::string::npos;
       at = baseline.find("posts/a.txt", at + 1)) {
    ++entries_of_a;
  }
  EXPECT_EQ(entries_of_a, 1U) << "only a.txt's DG209 is left\n" << baseline;
  // A finding that comes back after being pruned is new.
  write_post(faulty_post());
  EXPECT_EQ(validate("--baseline base.json posts/").exit_code, 1);
}

TEST_F(BaselineCli, BadBaselinesAreUsageErrors) {
  write_post(faulty_post());
  write_file(root_ / "broken.json", "{\"version\": \"digestkit-baseline/1\",\n \"findings\": [}\n");
  const auto broken = validate("--baseline broken.json posts/");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("broken.json:2:15: not JSON"), std::string::npos) << broken.err;

  write_file(root_ / "other.json", "{\"version\": \"digestkit/1\", \"findings\": []}\n");
  const auto other = validate("--baseline other.json posts/");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("other.json: not a digestkit baseline: \"version\" must be"), std::string::npos)
      << other.err;

  EXPECT_EQ(validate("--baseline missing.json posts/").exit_code, 2);
  fs::create_directories(root_ / "elsewhere");
  write_file(root_ / "base.json", "{\"version\": \"digestkit-baseline/1\", \"findings\": []}\n");
  EXPECT_EQ(validate("--baseline base.json --write-baseline elsewhere/base.json posts/").exit_code, 2);
}

}  // namespace
