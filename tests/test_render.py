"""The table's speaker cell (sentences written for these tests)."""

import quotegraph
from quotegraph.render import speaker_cells


def test_a_mention_resolved_to_no_one_reads_as_unresolved_not_as_a_name():
    r = quotegraph.extract('The group met on Monday.\n\n'
                           '"We are deeply concerned about the detentions," it stated.')
    [st] = [s for s in r.statements if s.speaker is None]
    assert speaker_cells(st, r.article.text) == ("'it' (unresolved)", "")
