"""The ``scraper explain`` report's stylesheet, inlined into every report (see ``report``).

Colours: green kept, red dropped as boilerplate, grey left out, blue moved to another
field; each with a strong edge and a pale fill so long outlines stay readable.
"""

STYLE = """
:root { --kept:#1a7f37; --kept-bg:#e8f6ec; --boiler:#cf222e; --boiler-bg:#fdecec;
  --away:#8c959f; --away-bg:#f3f4f6; --moved:#0969da; --moved-bg:#eaf2fd;
  --ink:#1f2328; --muted:#59636e; --line:#d8dee4; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC",
  "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink); background: #fff; }
header { padding: 16px 24px 12px; border-bottom: 1px solid var(--line); background: #fafbfc; }
header h1 { font-size: 20px; margin: 0 0 2px; }
.page { margin: 0 0 10px; color: var(--muted); font-size: 12.5px; word-break: break-all; }
.bar { display: flex; height: 14px; border-radius: 3px; overflow: hidden; margin: 0 0 8px;
  max-width: 900px; background: var(--away-bg); }
.bar span { display: block; height: 100%; }
.bar .kept { background: var(--kept); } .bar .boiler { background: var(--boiler); }
.bar .away { background: var(--away); } .bar .moved { background: var(--moved); }
.summary { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
.legend { list-style: none; margin: 0; padding: 0; }
.legend li { margin-bottom: 3px; }
.legend li { font-size: 12.5px; color: var(--muted); }
.legend b { color: var(--ink); }
.chip { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px;
  vertical-align: -1px; }
.chip.kept { background: var(--kept); } .chip.boiler { background: var(--boiler); }
.chip.away { background: var(--away); } .chip.moved { background: var(--moved); }
table { border-collapse: collapse; }
.reasons { font-size: 12.5px; }
.reasons th, .reasons td { padding: 2px 12px 2px 0; text-align: left; vertical-align: top; }
.reasons th { color: var(--muted); font-weight: 600; }
.reasons .n { text-align: right; font-variant-numeric: tabular-nums; }
.reasons .details { color: var(--muted); max-width: 460px; }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) 440px; gap: 0 24px; padding: 0 24px 24px; }
h2 { font-size: 15px; margin: 18px 0 8px; }
h3 { font-size: 13px; margin: 0 0 4px; }
.outline { list-style: none; margin: 0; padding: 0; }
.outline li { border-left: 4px solid; padding: 2px 8px 3px; margin-bottom: 2px; border-radius: 0 3px 3px 0;
  line-height: 1.35; }
.outline li.kept { border-color: var(--kept); background: var(--kept-bg); }
.outline li.boiler { border-color: var(--boiler); background: var(--boiler-bg); }
.outline li.away { border-color: var(--away); background: var(--away-bg); color: var(--muted); }
.outline li.moved { border-color: var(--moved); background: var(--moved-bg); }
.outline .text { overflow-wrap: anywhere; }
.outline li.kept .text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.outline li.boiler .text, .outline li.away .text { font-size: 13px; }
.outline .meta { font-size: 11.5px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 2px 10px;
  align-items: baseline; }
.reason { font-weight: 600; }
li.boiler .reason { color: var(--boiler); } li.moved .reason { color: var(--moved); }
.fact { font-variant-numeric: tabular-nums; }
code, .path { font: 11px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--muted);
  overflow-wrap: anywhere; }
aside { min-width: 0; }
.card { border: 1px solid var(--line); border-left: 4px solid; border-radius: 3px; padding: 6px 10px; margin-bottom: 6px; }
.card.kept { border-left-color: var(--kept); } .card.away { border-left-color: var(--away); }
.score { font-weight: 400; color: var(--muted); margin-left: 6px; }
.opening { margin: 4px 0 0; font-size: 12.5px; color: var(--muted); }
.fields, .record { width: 100%; font-size: 12.5px; }
.fields th, .record th { text-align: left; vertical-align: top; padding: 4px 10px 4px 0; width: 80px;
  color: var(--muted); font-weight: 600; }
.fields td, .record td { padding: 4px 0; border-bottom: 1px solid #eef1f4; overflow-wrap: anywhere; }
.value { font-weight: 600; }
.null { color: var(--away); font-style: italic; }
.from { color: var(--moved); }
q { display: block; margin: 2px 0 0; padding-left: 8px; border-left: 2px solid var(--line); color: var(--muted); }
q::before, q::after { content: ""; }
.lost { margin: 3px 0 0; padding-left: 16px; color: var(--muted); }
.lost s { color: var(--muted); }
.note { color: var(--muted); font-size: 12px; margin: 2px 0 0; }
.none { color: var(--muted); }
.image { margin-bottom: 2px; }
"""
