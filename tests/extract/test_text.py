"""Text hygiene: how a page's text is read back before any date is looked for."""
from __future__ import annotations

from calfeed.extract.text import cell_lines_as_rows


def test_a_table_copied_one_cell_a_line_is_read_back_as_rows():
    """Date / Time / Activity / Branch, then four lines a row: the breaks inside a row become bars,
    one character for one, so offsets stay; a list of short lines that is no such table is left."""
    text = ("Program\n\nDate\nTime\nActivity\nBranch\nTue 7/4\n10.30am\nLego Builders Challenge\nTallowood\n"
            "Wed 8/4\n2pm\nAutumn Leaf Printing\nTarrington\n\nContact us\n")
    rows = cell_lines_as_rows(text)
    assert len(rows) == len(text)
    assert rows.splitlines()[2:5] == ["Date|Time|Activity|Branch", "Tue 7/4|10.30am|Lego Builders Challenge|Tallowood",
                                      "Wed 8/4|2pm|Autumn Leaf Printing|Tarrington"]
    address = "Tallowood Library\n12 High Street\nTallowood VIC 3461\n(03) 5550 4127\n"
    assert cell_lines_as_rows(address) == address
