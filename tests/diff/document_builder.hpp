// Documents built in code (no parser) for tests of the diff over the AST.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include "digestkit/document.hpp"

namespace digestkit::testing {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(std::string category = "图像生成/扩散模型", int day = 4) {
    document_.category.line.value = store_.keep(std::move(category));
    Date date;
    date.year = 2023;
    date.month = 5;
    date.day = day;
    date.is_calendar_date = true;
    date.written.value = store_.keep("2023-05-0" + std::to_string(day));
    document_.date = date;
    Footer footer;
    footer.author.value = "Harvey";
    footer.notice.value = "本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Harvey !";
    document_.footer = footer;
  }

  DocumentBuilder& entry(std::string title, std::initializer_list<std::string> authors, std::string abstract,
                         std::optional<std::string> comments = std::string("10 pages")) {
    Entry entry;
    entry.title.value = store_.keep(std::move(title));
    for (const auto& name : authors) entry.authors.push_back(Author{store_.keep(name), {}});
    entry.abstract.value = store_.keep(std::move(abstract));
    if (comments) entry.comments = Text{store_.keep(std::move(*comments)), {}};
    document_.entries.push_back(std::move(entry));
    return *this;
  }

  DocumentBuilder& footer_author(std::string author) {
    document_.footer->author.value = store_.keep(std::move(author));
    return *this;
  }

  [[nodiscard]] const Document& document() const { return document_; }
  Document& mutable_document() { return document_; }

 private:
  StringStore store_;
  Document document_;
};

}  // namespace digestkit::testing
