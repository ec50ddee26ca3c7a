"""The labels of a government document's attribute block (政府信息公开) and of its closing
signature, named once (read by ``document`` and ``signature``).

A block labels each field in a cell, a ``<span>``, a ``<dt>``, a ``<label>`` or a bold
run: ``索引号：``, ``发文机关``, ``文　　号：``. Labels are written with spaces inside
them to line up with longer ones (``索 引 号``), and with a full-width, half-width or
no colon; the patterns below allow all of these.
"""

from __future__ import annotations

import re

# Each field of ``models.DOCUMENT_FIELDS`` and the labels it is read from (the patterns
# below try longer labels first).
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    # 索引号: the document's catalogue number. e.g. "11350100003590XXXX/2024-00123";
    # some provinces call it 索取号, some 信息索引号
    "index_no": ("信息索引号", "索引号", "索取号"),
    # the organ that issued it. e.g. "发文机关：福州市应急管理局", "发布机构"
    "issuer": ("发文机关", "发文单位", "发文机构", "发布机构", "发布机关", "发布单位", "制发机关"),
    # its number. e.g. "发文字号：榕应急〔2024〕12号", "文　　号"
    "doc_no": ("发文字号", "发文文号", "文件编号", "文号"),
    # the date it was signed (a date, never the publication time). e.g. "成文日期：2024-03-15"
    "written": ("成文日期", "成文时间"),
    # the date the portal published it. e.g. "发布日期：2024-03-18"
    "published": ("发布日期", "发布时间", "公开日期", "公开时间"),
    # its subject classification. e.g. "主题分类：安全生产", "主题词：应急 通知"
    "topic": ("主题分类", "主题词"),
    # whether it is in force. e.g. "有效性：有效", "时效：现行有效"
    "validity": ("有效性", "时效性", "时效", "效力状态"),
    # its genre. e.g. "体裁分类：通知", "公文种类：意见", "文种：办法"
    "category": ("体裁分类", "公文种类", "文种"),
}
# Labels that belong to such blocks without being a field: the block's title row and
# its catalogue rows. They make the block recognised whole, so it all leaves the body.
# e.g. "名称：关于做好防汛工作的通知", "公开方式：主动公开", "信息分类：综合政务\通知",
# "内容概述：…" (the older gov.cn catalogue block)
BLOCK_ONLY_LABELS = ("信息名称", "文件名称", "名称", "标题", "信息分类", "内容概述", "公开方式",
                     "公开范围", "公开属性", "公开时限", "组配分类", "服务对象", "所属机构",
                     "生成日期", "实施日期", "废止日期", "关键词")
# Fields that only a document's block carries: a news page's info line may say 发布日期
# and 发布机构, never 索引号 or 成文日期.
STRONG_KEYS = frozenset(("index_no", "doc_no", "written", "topic", "validity", "category"))

# What makes a run of labels a block: at least this many distinct labels, of which at
# least FIELD_KEYS_MIN are fields and one is a STRONG_KEYS field; or STRONG_KEYS_MIN
# distinct strong fields alone ("索引号" and "文号" in a two-row block).
BLOCK_LABELS_MIN = 3
FIELD_KEYS_MIN = 2
STRONG_KEYS_MIN = 2
# Labels of one block lie close together: at most this many text runs from one label
# to the next (a value may take several: "榕应急〔2024〕" <span>"12"</span> "号").
BLOCK_GAP_RUNS = 8
# A row (the <tr>, <li>, <dl>, <p> or <div> holding a label and its value) longer than
# this is no row but the text around the block: the label's value is then the one text
# run after it, and nothing is dropped for it.
ROW_MAX_CHARS = 400
# The element around the rows is dropped instead when it holds at most this much text
# besides them: a heading like "信息公开" or "文件信息".
BLOCK_SLACK_CHARS = 8
# A value longer than this is not one field's value (a row ran into the text around it).
VALUE_MAX_CHARS = 200
# Values that say the field is empty. e.g. "文号：无", "发文字号：—"
EMPTY_VALUES = frozenset(("无", "暂无", "-", "--", "—", "——", "/", "\\", "空", "null", "none"))
# The elements that hold one row of a block, from the label's element upwards.
ROW_TAGS = frozenset(("tr", "li", "dl", "p", "div", "section", "table", "ul"))

_SPACE = "[\\s\u3000\xa0]*"   # spaces inside a label ("索 引 号", "文　　号")


def _spaced(label: str) -> str:
    return _SPACE.join(map(re.escape, label))


def _alternatives(labels: list[str]) -> str:
    return "|".join(_spaced(label) for label in sorted(labels, key=len, reverse=True))


ALL_LABELS: dict[str, str] = {
    **{label: key for key, labels in FIELD_LABELS.items() for label in labels},
    **{label: "" for label in BLOCK_ONLY_LABELS},
}
# One text run that is a label: the label alone ("索引号", "索引号："), or the label, a
# colon and its value ("索引号：113501…"). A run that goes on without a colon is prose
# ("文号为…"), not a label.
LABEL_RUN = re.compile(
    rf"^{_SPACE}(?P<label>{_alternatives(list(ALL_LABELS))}){_SPACE}"
    rf"(?:[:：]{_SPACE}(?P<rest>.*))?$", re.DOTALL)
# A text run that may hold a label: the cheap test before the two above.
LABEL_START = re.compile(rf"{_SPACE}(?:{_alternatives(list(ALL_LABELS))})")
# Labels inside one run, each with a colon, after the run's start or a space.
# e.g. "索引号：113501…/2024-00123　发文机关：福州市应急管理局"
INLINE_LABEL = re.compile(
    rf"(?:^|(?<=[\s\u3000\xa0])){_SPACE}(?P<label>{_alternatives(list(ALL_LABELS))})"
    rf"{_SPACE}[:：]")
# The same labels in the page's visible text (or its raw HTML), found before any tree is
# walked, so that a page without a block costs one scan of its text. Spaces inside a
# label may be entities in the HTML ("索&nbsp;引&nbsp;号"): spaces, entity characters,
# digits and Latin letters may stand between its characters (a test, not a reading: a
# false hit only costs the tree walk).
RAW_LABEL = re.compile("|".join("[\\s\u3000\xa0&#;a-z0-9]*".join(map(re.escape, label))
                                for label in sorted(ALL_LABELS, key=len, reverse=True)))
# What is not a Han character: left out of a raw label to name it ("索&nbsp;引&nbsp;号").
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
# Colons and spaces a value is written after. e.g. "：榕应急〔2024〕12号"
VALUE_LEAD = ":：\u3000\xa0 \t\r\n"


def key_of(label: str) -> str:
    """The field key of a label as written ("索 引 号" → "index_no"; "" for a block-only
    label)."""
    return ALL_LABELS.get(squeeze(label), "")


def squeeze(text: str) -> str:
    """``text`` without any whitespace: a label as the lists above write it."""
    return "".join(text.split())


# ---------------------------------------------------------------- closing signature

# Right alignment, as portals write it on a signature's paragraphs. e.g.
# <p style="text-align: right">, <p align="right">, <div style="TEXT-ALIGN: RIGHT">
RIGHT_ALIGNED = '[style*="right" i], [align="right" i]'
# The CSS declarations and attribute values above that really are right alignment
# ("margin-right" is not).
RIGHT_STYLE = re.compile(r"text-align\s*:\s*right|float\s*:\s*right", re.IGNORECASE)
# The body's last lines a signature is looked for in: the organ, the date, and a note
# or two after them ("（此件公开发布）", "抄送：…").
SIGNATURE_TAIL_LINES = 6
# A signature's date line is the date and at most this many other characters
# ("2024年3月15日", "二〇二四年八月五日（此件公开发布）" is not one).
DATE_LINE_SLACK_CHARS = 2
# Lines of a signature above its date: the issuing organs of a joint document.
ORGANS_MAX = 4
# An organ line's length at most. e.g. "福州市人民政府办公厅"
ORGAN_MAX_CHARS = 40
# How an organ's name ends. e.g. "…应急管理局", "…人民政府", "…办公室", "…委员会",
# "中共福州市委", "…管委会", "…指挥部", "…领导小组"
ORGAN_ENDINGS = ("局", "厅", "委", "会", "政府", "办公室", "办", "院", "署", "中心", "处",
                 "所", "站", "队", "部", "小组", "公司", "集团", "党组", "海关", "银行")
# An organ's name is Chinese text: no digits, no sentence punctuation. e.g. not
# "（记者 张三）", not "附件：1.xxx"
ORGAN_CHARS = re.compile(r"^[\u4e00-\u9fff（）()、·\s]+$")
