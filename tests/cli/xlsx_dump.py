"""Prints an .xlsx workbook as typed text for the shell tests to match.

Usage: xlsx_dump.py FILE [csv SHEET OUT]

Without arguments after FILE, for every sheet:
    sheet NAME
    freeze CELL            (the top-left cell below the frozen panes)
    filter RANGE
    width COLUMN WIDTH     (set column widths)
    row N[~]  CELL<TAB>CELL...   (~ when the first cell is struck through)
where a cell is s:TEXT (a text cell; tab, line break and backslash written
\\t \\n \\\\), n:NUMBER (whole numbers without .0), d:YYYY-MM-DD (a date
cell), f:FORMULA, or - (empty).

With `csv SHEET OUT`, writes SHEET as a spreadsheet's "save as CSV" would:
UTF-8 without BOM, dates in their yyyy-mm-dd format, numbers as shown,
texts quoted when they need it.
"""
import csv
import datetime
import sys

import openpyxl


def text(v):
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def typed(c):
    v = c.value
    if v is None:
        return "-"
    if isinstance(v, datetime.datetime):
        return "d:" + v.strftime("%Y-%m-%d")
    if isinstance(v, bool):
        return "b:" + str(v)
    if isinstance(v, (int, float)):
        if float(v).is_integer():
            return "n:%d" % v
        return "n:%r" % v
    if c.data_type == "f":
        return "f:" + text(v)
    return "s:" + text(v)


def shown(c):
    v = c.value
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return "%d" % v
    return str(v)


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    if len(sys.argv) == 5 and sys.argv[2] == "csv":
        ws = wb[sys.argv[3]]
        with open(sys.argv[4], "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            for row in ws.iter_rows():
                w.writerow([shown(c) for c in row])
        return
    for ws in wb.worksheets:
        print("sheet", ws.title)
        if ws.freeze_panes:
            print("freeze", ws.freeze_panes)
        if ws.auto_filter.ref:
            print("filter", ws.auto_filter.ref)
        for k, d in sorted(ws.column_dimensions.items()):
            if d.customWidth:
                print("width %s %.1f" % (k, d.width))
        for row in ws.iter_rows():
            cells = [typed(c) for c in row]
            while cells and cells[-1] == "-":
                cells.pop()
            if not cells:
                continue
            mark = "~" if row[0].font is not None and row[0].font.strike else ""
            print("row %d%s\t%s" % (row[0].row, mark, "\t".join(cells)))


main()
