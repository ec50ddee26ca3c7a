"""Every word list, pattern and threshold the attachment reader (``attachments``) uses.

A government notice often *is* its attachment: ``附件：<a href="./P020240318612345678901.pdf">
某某省数字政府建设实施方案.pdf</a>``. The links to documents in the article, and the
附件 lines under it, are read as attachments; those lines are the article's text, not a
link list. Each pattern says what it catches and one real case it matched.
"""

from __future__ import annotations

import re

# File types read as attachments, by extension (lower case). The list (PDF,
# Word, Excel, WPS, OFD, archives, text) plus the formats government notices attach
# beside them: WPS's spreadsheet (``.et``), slide decks (``.ppt``, ``.pptx``), and
# ``.7z`` archives. Images, audio and video are not documents (pictures go to
# ``images``); ``.html`` is another page.
DOCUMENT_EXTENSIONS = (
    "pdf",                      # 通知.pdf, the usual form of the document itself
    "doc", "docx", "wps",       # Word and WPS 文字: 报名表.doc, 申请表.wps
    "xls", "xlsx", "et",        # Excel and WPS 表格: 名单.xlsx, 汇总表.et
    "ppt", "pptx",              # slide decks attached to a briefing
    "ofd",                      # 版式文档 (GB/T 33190), the national fixed-layout format
    "zip", "rar", "7z",         # bundles of the above
    "txt",                      # plain text
)
_EXTENSIONS = "|".join(DOCUMENT_EXTENSIONS)
# A file name or URL path ending in a document extension: "P020240318612345678901.pdf",
# "某某方案.DOCX" (the extension is the last thing, after the last dot).
DOCUMENT_FILE = re.compile(rf"\.({_EXTENSIONS})$", re.IGNORECASE)
# The cheap first test of an href: a document extension right before the end, a query
# or a fragment, anywhere in it (a query value may name the file:
# "download.jsp?file=/upload/方案.pdf"). Only hrefs it matches are parsed.
DOCUMENT_IN_HREF = re.compile(rf"\.(?:{_EXTENSIONS})(?:$|[?#&;])", re.IGNORECASE)
# An href to a static web page ("t20240318_123.shtml", "index.html?id=3"): never a
# document, whatever its text says. (A script, "download.jsp?id=12", may serve one.)
PAGE_HREF = re.compile(r"\.(?:s?html?|jhtml|xhtml)(?:$|[?#])", re.IGNORECASE)
# An href to a script that may serve a file whatever its name, so that a link text
# naming a file ("申请表.doc") says what it is: "/module/download/downfile.jsp?id=12",
# "GetFile.aspx?fid=3", "down.do". Another link ("photo.jpg", "/news/12345") is what its
# URL says, whatever its text.
DOWNLOAD_SCRIPT = re.compile(r"\.(?:jsp|php|aspx?|ashx|do|action|cgi)(?:$|[?#])", re.IGNORECASE)
# Either of the two above, in one search: most links name neither, and are passed over
# with one test instead of two.
FILE_OR_SCRIPT_HREF = re.compile(
    rf"\.(?:{_EXTENSIONS}|jsp|php|aspx?|ashx|do|action|cgi)(?:$|[?#&;])", re.IGNORECASE)
# The URL schemes of an attachment: what the fetcher can download.
URL_SCHEMES = ("http", "https")

# A line or block labelled as the article's attachments, at its start: "附件：", "附件1：",
# "附件一、", "附 件：", "【附件】", "相关附件", "附件下载：", "下载附件", "附件列表",
# "Attachments:". The label is followed by a colon, a list mark, a space or nothing.
ATTACHMENT_LABEL = re.compile(
    r"""^[\s【\[（(]*
        (?:
            (?:相关|下载)?附\s*件(?:下载|列表|清单)?      # 附件 and its usual variants
            \s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?    # its number: 附件1, 附件二
          | attachments? | annex(?:es)?
        )
        \s*[】\]）)]?\s*
        (?:[:：、.．]|\s|$)""",
    re.VERBOSE | re.IGNORECASE,
)
# A label line standing alone, the list of files below it ("附件：" then one paragraph
# per file); at most this long.
LABEL_LINE_MAX_LEN = 12

# Link texts that name no file (an icon's "下载", "点击下载", "Download"): the attachment's
# name is then the file name in its URL.
GENERIC_LINK_TEXT = re.compile(
    r"""^[\s【\[（(]*(?:
        (?:点击|点此|请)?(?:此处)?下载(?:附件|文件|全文)? | 附件 | 查看(?:附件|全文)? | 打开
      | download(?:\s+(?:here|file|pdf|attachment))? | click\s+here | here | pdf
    )[\s】\]）)]*$""",
    re.VERBOSE | re.IGNORECASE,
)

# A block of attachment lines holds document links and little else: a label, list
# numbers, a file size ("（123KB）"). At most this many characters of text outside its
# links, per document link in it; more is prose that happens to hold a link.
FILLER_PER_LINK_MAX = 20
# Labelled blocks are looked for in the elements following the article's last node:
# this many element siblings at each level, climbing this many ancestors (the 附件 block
# of a TRS page sits beside the ``TRS_Editor`` div, sometimes one wrapper further out).
FOLLOWING_SIBLINGS_MAX = 4
FOLLOWING_LEVELS_MAX = 3
# A labelled block is found from one of its document links by climbing at most this
# many ancestors (a link in a <li> in a <ul> in the labelled <div>).
BLOCK_CLIMB_MAX = 4
