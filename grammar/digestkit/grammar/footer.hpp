// The footer: author, licence line, and the "  目录" button label.
#pragma once

#include <tao/pegtl.hpp>

#include "digestkit/grammar/lines.hpp"

namespace digestkit::grammar {

struct colon : pegtl::sor<pegtl::one<':'>, TAO_PEGTL_STRING("：")> {};
struct footer_author_label : pegtl::seq<TAO_PEGTL_STRING("文章作者"), colon> {};
struct footer_author : pegtl::seq<line_char, line_chars> {};
struct footer_author_line : pegtl::seq<footer_author_label, pegtl::star<blank>, footer_author, line_end> {};

// "本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 NAME !"
// The theme writes 別 and an ASCII comma; 别 and '，' are read too.
struct notice_label : pegtl::seq<TAO_PEGTL_STRING("版权声明"), colon> {};
struct licence_intro
    : pegtl::seq<TAO_PEGTL_STRING("本博客所有文章除特"),
                 pegtl::sor<TAO_PEGTL_STRING("別"), TAO_PEGTL_STRING("别")>, TAO_PEGTL_STRING("声明外"),
                 pegtl::sor<pegtl::one<','>, TAO_PEGTL_STRING("，")>, TAO_PEGTL_STRING("均采用"),
                 pegtl::star<blank>> {};
struct licence_outro : pegtl::seq<pegtl::star<blank>, TAO_PEGTL_STRING("许可协议。转载请注明来源")> {};
struct licence_name : pegtl::plus<pegtl::not_at<licence_outro>, line_char> {};
struct bang : pegtl::sor<pegtl::one<'!'>, TAO_PEGTL_STRING("！")> {};
struct notice_end : pegtl::seq<pegtl::star<blank>, bang, pegtl::star<blank>, pegtl::at<line_end>> {};
struct notice_author : pegtl::plus<pegtl::not_at<notice_end>, line_char> {};
struct licence_template
    : pegtl::seq<licence_intro, licence_name, licence_outro, pegtl::star<blank>, notice_author, notice_end> {
};
struct notice_text : pegtl::seq<line_char, line_chars> {};
// The template is checked by look-ahead first so that its parts are only
// recorded when the whole line follows it.
struct notice_body : pegtl::sor<pegtl::seq<pegtl::at<licence_template>, licence_template>, notice_text> {};
struct notice_line : pegtl::seq<notice_label, pegtl::star<blank>, notice_body, line_end> {};

// U+00A0 U+00A0 目录; plain spaces are read too. Having no final newline, it
// can run straight into the next digest when files were concatenated.
struct toc_indent : pegtl::star<pegtl::sor<TAO_PEGTL_STRING("\u00a0"), blank>> {};
struct toc_line : pegtl::seq<toc_indent, TAO_PEGTL_STRING("目录"), pegtl::star<blank>, pegtl::opt<eol>> {};

struct footer_start : footer_author_label {};
struct notice_part : pegtl::seq<notice_gap, notice_line> {};
struct toc_part : pegtl::seq<pegtl::at<toc_gap, toc_line>, toc_gap, toc_line> {};
struct footer : pegtl::seq<footer_author_line, pegtl::must<notice_part>, pegtl::opt<toc_part>> {};

}  // namespace digestkit::grammar
