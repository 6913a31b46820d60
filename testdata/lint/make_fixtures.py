#!/usr/bin/env python3
"""Writes the lint fixtures in rules/ and archive/: for each rule a file that triggers it
(CODE.bad.txt) and a near miss that must not (CODE.good.txt), each derived
from one invented canonical digest. Kept so that the invisible characters
in the fixtures are visible here. Run from anywhere; it rewrites both folders."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
NBSP = "\u00a0"

BASE = [
    "机器学习/表示学习",                                   # 1
    "",                                                    # 2
    "",                                                    # 3
    "2023-05-04 更新",                                     # 4
    "",                                                    # 5
    "Sparse Lattice Encoders for Tidal Forecasting",       # 6
    "",                                                    # 7
    "Authors:Mira Castell, Tobias Renn, Aiko Murata",      # 8
    "",                                                    # 9
    "We study sparse lattice encoders for forecasting tides from coastal sensor arrays.",  # 10
    "PDF 12 pages, 5 figures",                             # 11
    "",                                                    # 12
    "论文截图",                                            # 13
    "",                                                    # 14
    "Gradient Gardens: Growing Neural Networks from Seeds",  # 15
    "",                                                    # 16
    "Authors:Lena Varga, Okon Bassey",                     # 17
    "",                                                    # 18
    "Networks grow from small seeds by splitting neurons where gradients disagree.",  # 19
    "PDF",                                                 # 20
    "",                                                    # 21
    "点此查看论文截图",                                    # 22
    "",                                                    # 23
    "文章作者: Quill",                                     # 24
    "版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Quill !",  # 25
    NBSP + NBSP + "目录",                                  # 26
]


def text(lines, eol="\n"):
    return eol.join(lines)


def replace(line_no, new, lines=None):
    lines = list(BASE if lines is None else lines)
    lines[line_no - 1] = new
    return lines


def without(*line_nos):
    return [l for i, l in enumerate(BASE, 1) if i not in line_nos]


def insert(line_no, *new):
    lines = list(BASE)
    lines[line_no - 1:line_no - 1] = list(new)
    return lines


def entry(title, authors="Authors:Ruth Ame", abstract="An invented abstract.", pdf="PDF", marker="论文截图"):
    return [title, "", authors, "", abstract, pdf, "", marker, ""]


FIXTURES = {
    "clean": text(BASE),
    # DG1xx
    "DG101.bad": "",
    "DG101.good": text(BASE[:4]) + "\n",
    "DG102.bad": text(replace(4, "updated on Thursday")),
    "DG102.good": text(replace(4, "2023-5-4 更新")),
    "DG103.bad": text(without(7, 8)),
    "DG103.good": text(replace(8, "Author:Mira Castell")),
    "DG104.bad": text(insert(7, "and Storm Surges")),
    "DG104.good": text(replace(6, "Sparse Lattice Encoders for Tidal Forecasting and Storm Surges")),
    "DG105.bad": text(without(10)),
    "DG105.good": text(BASE),
    "DG106.bad": text(insert(11, "Our model beats strong baselines.")),
    "DG106.good": text(replace(10, BASE[9] + " Our model beats strong baselines.")),
    "DG107.bad": text(without(11)),
    "DG107.good": text(replace(11, "PDF")),
    "DG108.bad": text(replace(13, "查看截图")),
    "DG108.good": text(replace(13, "点此查看论文截图")),
    "DG109.bad": text(BASE[:10])[:-30],
    "DG109.good": text(BASE[:14]) + "\n",
    "DG110.bad": text(without(25)),
    "DG110.good": text(BASE),
    "DG111.bad": text(BASE) + "\n\nstray words after the footer\n",
    "DG111.good": text(BASE) + "\n\n",
    "DG112.bad": text(replace(6, "Sparse Lattice\0 Encoders for Tidal Forecasting")),
    "DG112.good": text(BASE),
    "DG113.bad": text(without(15, 16)),
    "DG113.good": text(BASE),
    "DG114.bad": text(BASE).encode("utf-8").replace(b"Lattice", b"Lat\xfftice", 1),
    "DG114.good": text(replace(6, "Sparse L\u00e4ttice Encoders for Tidal Forecasting")),
    "DG120.bad": text(insert(7, "")),
    "DG120.good": text(BASE),
    "DG121.bad": text(without(12, 13)),
    "DG121.good": text(BASE),
    "DG122.bad": text(without(4, 5)),
    "DG122.good": text(BASE),
    "DG123.bad": text(replace(26, "  目录")),
    "DG123.good": text(BASE),
    "DG125.bad": text(BASE[:25]),
    "DG125.good": text(BASE[:25]) + "\n" + NBSP + NBSP + "目录",
    "DG124.bad": text(BASE[:5] + BASE[23:]),
    "DG124.good": text(BASE),
    # DG2xx
    "DG201.bad": text(BASE, "\r\n"),
    "DG201.good": text(BASE),
    "DG202.bad": text(BASE[:9], "\n") + "\r\n" + text(BASE[9:], "\n"),
    "DG202.good": text(BASE, "\r\n"),
    "DG203.bad": "\ufeff" + text(BASE),
    "DG203.good": text(replace(10, BASE[9] + " Uses \ufeff-free input.".replace("\ufeff", ""))),
    "DG204.bad": text(replace(6, BASE[5] + "  ")),
    "DG204.good": text(replace(6, "Sparse  Lattice Encoders for Tidal Forecasting")),
    "DG205.bad": text(replace(10, "We study sparse\tlattice encoders for forecasting tides.")),
    "DG205.good": text(BASE),
    "DG206.bad": text(replace(6, "Sparse Lattice" + NBSP + "Encoders for Tidal Forecasting")),
    "DG206.good": text(BASE),
    "DG207.bad": text(replace(15, "Gradient Gar\u200bdens: Growing Neural Networks from Seeds")),
    "DG207.good": text(replace(15, "Gradient Gardens: Growing Neural Networks from Seeds \u2014 Revisited")),
    "DG208.bad": text(replace(17, "Authors:Lena Varga, Jose\u0301 Okon")),
    "DG208.good": text(replace(17, "Authors:Lena Varga, Jos\u00e9 Okon")),
    "DG209.bad": text(replace(15, "Gradient Gardens: \u202eGrowing Neural Networks from Seeds")),
    "DG209.good": text(replace(15, "Gradient Gardens: \u05d2\u05df Growing Neural Networks from Seeds")),
    "DG210.bad": text(replace(6, "Sparse L\u0430ttice Encoders for Tidal Forecasting")),
    "DG210.good": text(replace(6, "Sparse Lattice Encoders with   $\u03b1$-Nets for Tidal Forecasting")),
    "DG211.bad": text(replace(6, "Sparse Lattice Encoders for the \u0422\u043e\u0440 Layer")),
    "DG211.good": text(replace(6, "Sparse Lattice Encoders: \u041c\u043e\u0441\u043a\u0432\u0430 Tidal Data")),
    "DG212.bad": text(replace(17, "Authors:Lena Varga, Jos\u00c3\u00a9 Okon")),
    "DG212.good": text(replace(17, "Authors:Lena Varga, Jo\u00e3o Okon, Ren\u00e9e \u00d6sterberg")),
    "DG214.bad": text(replace(10, "We study sparse\x07 lattice encoders.")),
    "DG214.good": text(BASE),
    "DG215.bad": text(replace(17, "Authors:Lena Varga, Jos\ufffd Okon")),
    "DG215.good": text(BASE),
    "DG216.bad": text(replace(6, "   " + BASE[5])),
    "DG216.good": text(BASE),
    # A whole file in GB18030, with enough Chinese text for ICU to be sure.
    "DG213.bad": text(replace(10, "我们研究用于沿海传感器阵列潮汐预报的稀疏格编码器，模型优于强基线。")).encode("gb18030"),
    "DG213.good": text(replace(10, "我们研究用于沿海传感器阵列潮汐预报的稀疏格编码器，模型优于强基线。")),
    # DG3xx
    "DG301.bad": text(replace(4, "2023-02-30 更新")),
    "DG301.good": text(replace(4, "2024-02-29 更新")),
    "DG302.bad": text(replace(4, "2023/05/04 更新")),
    "DG302.good": text(BASE),
    "DG303.bad": text(replace(4, "2031-01-01 更新")),
    "DG303.good": text(replace(4, "2030-06-01 更新")),
    "DG304.bad": text(replace(8, "作者:Mira Castell, Tobias Renn, Aiko Murata")),
    "DG304.good": text(BASE),
    "DG305.bad": text(replace(8, "Authors:")),
    "DG305.good": text(replace(8, "Authors:Mira Castell")),
    "DG306.bad": text(replace(8, "Authors:Mira Castell, , Aiko Murata")),
    "DG306.good": text(BASE),
    "DG307.bad": text(replace(8, "Authors:Mira Castell, Tobias Renn, mira  castell")),
    "DG307.good": text(replace(8, "Authors:Mira Castell, Mira Castello")),
    "DG308.bad": text(BASE[:14] + ["sparse lattice  ENCODERS for tidal forecasting"] + BASE[6:14] + BASE[14:]),
    "DG308.good": text(BASE[:14] + entry("Sparse Lattice Encoders for Tidal Forecasting II") + BASE[14:]),
    "DG309.bad": text(replace(6, "Sparse Lattice (Encoders for $\\alpha Tidal Forecasting")),
    "DG309.good": text(replace(6, "Just Add $100 More: Sparse Lattice [Encoders] for $\\alpha$-Tides (v2)")),
    "DG310.bad": text(replace(6, "Sparse Lattice Encoders for   Tidal Forecasting")),
    "DG310.good": text(BASE),
    "DG311.bad": text(BASE[:22]) + "\n",
    "DG311.good": text(BASE),
    "DG312.bad": text(replace(25, BASE[24].replace("来源 Quill", "来源 Quilliam"))),
    "DG312.good": text(BASE),
    "DG313.bad": text(replace(25, BASE[24].replace("CC BY 4.0", "CC BY 5.1"))),
    "DG313.good": text(replace(25, BASE[24].replace("CC BY 4.0", "CC BY-NC-SA 4.0"))),
    "DG314.bad": text(replace(1, "机器学习//表示学习")),
    "DG314.good": text(replace(1, "机器学习/表示学习/对比学习")),
    "DG316.bad": text(replace(8, "Authors:Mira Castell,Tobias Renn, Aiko Murata")),
    "DG316.good": text(BASE),
    "DG317.bad": text(BASE[:14] + entry("sparse lattice  ENCODERS for tidal forecasting") + BASE[14:]),
    "DG317.good": text(BASE[:14] + BASE[5:14] + BASE[14:]),
}

# Archive-wide rules: b.txt lists a's first paper with fewer authors (DG401);
# c.txt is another digest of a's category and date (DG402).
ARCHIVE = {
    "a": text(BASE),
    "b": text(replace(4, "2023-05-05 更新", replace(8, "Authors:Mira Castell, Tobias Renn"))),
    "c": text(replace(6, "Completely Different Paper on Dunes", replace(15, "Another Invented Study of Lichens"))),
}


def main():
    out = os.path.join(HERE, "rules")
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        os.remove(os.path.join(out, name))
    for name, content in FIXTURES.items():
        with open(os.path.join(out, name + ".txt"), "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    os.makedirs(os.path.join(HERE, "archive"), exist_ok=True)
    for name, content in ARCHIVE.items():
        with open(os.path.join(HERE, "archive", name + ".txt"), "wb") as f:
            f.write(content.encode("utf-8"))


if __name__ == "__main__":
    main()
