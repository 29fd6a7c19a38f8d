"""Quotes: who said what in one article, as direct, mixed and indirect ``Quote`` records.

Takes an ``Article``, its ``Doc`` and the entity extractor's mentions and entities;
returns ``Quote`` records with the quoted text, its kind, the cue, the speaker as written
and the speaker entity (a person, an organisation, a document, or an unnamed source as
written: "officials", "the memo"). A quote whose speaker cannot be found is kept with speaker
None and a low confidence.

Steps, in order, one module each:

1. ``marks``: the stretches of text inside quotation marks (curly, straight, the NYT's '').
2. ``cues``: which words introduce speech, thought or paraphrase, and which of their
   dependents hold the content (``reference/data/reporting_verbs.tsv``, grown from corpus counts).
3. ``speakers``: from the subject of a cue to a resolved entity.
4. ``direct``: whole quoted statements and their attribution (a verb next to them, a dash and a
   name after them, a "He said:" paragraph before them, a transcript's "PENCE:" label).
5. ``reported``: reported speech and thought ("X said that ...", "X praised Y", "X vowed to
   ...", "..., said Y") and "according to X".
6. ``nouns``: noun cues with a "that" clause ("Trump's claim that ...", "a Times report that ...";
   ``reference/data/reporting_nouns.tsv``, learned from corpus counts).
7. ``headlines``: headline attributions ("..., says US official", "Putin: ...").
8. ``loose``: quoted words inside a sentence that no statement or clause claimed.
9. ``pronouns``: he/she speakers read from the names outside the quotation (never a name
   inside it), they/it from the named body that is the subject before them.
10. ``find``: runs the steps, keeps one quote per statement (a reported clause that holds whole
   quotations is one mixed quote), carries a speaker over to the quotes that continue it, lets
   he/she/they follow the last speaker that fits, and links headline quotes.
"""

from newsgraph.extract.quotes.find import find_quotes

__all__ = ["find_quotes"]
