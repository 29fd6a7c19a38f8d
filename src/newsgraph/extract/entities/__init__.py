"""Entities: people, organisations and places in one article, with aliases, roles and pronouns.

Takes an ``Article`` and its spaCy ``Doc``; returns ``Mention`` records (character spans
into ``article.text``, resolved to a canonical name) and ``Entity`` records (aliases,
roles with evidence).

Steps, in order, one module each:

1. ``mentions``: candidate names from the Doc, cleaned of the small model's usual slips
   (``titlewords`` lists the words titles are made of; terms that name no actor, such as
   "DUI", "GMT" or a ticker after "NYSE:", are dropped).
2. ``headlines``: names in title-case lines cut at the words the article shows to be
   common ("Lindsay Lohan Checks Into Rehab" → "Lindsay Lohan"); full names the model
   missed (a common given name and the proper nouns after it).
3. ``orgnames`` (teams): "Indianapolis Colts" is a team, not the city.
4. ``linking``: links to the reference tables (countries, capitals, demonyms,
   organisations, outlets, known people).
5. ``metonymy``: "the North"/"the South", demonyms standing for places, and places used as
   adjectives of people ("an Arkansas woman", "Alaska Gov. Sarah Palin") as demonyms.
6. ``places``: a place and the state or country that qualifies it are one place
   ("Fort Smith, Ark.", "Indonesia's Aceh province").
7. ``orgnames`` (aliases): acronyms, "Corp"/"Inc" and short forms of organisation names;
   in a game report, team nicknames ("Chiefs") of the reference table and capitalised words
   the model left untagged that play ("the Tar Heels beat visiting Evansville 91-73");
   ``linking``: one-word outlets that are plain words when told or telling ("told People").
8. ``aliases``: short forms ("Campbell", "Laci") to the full name the article uses; a bare
   surname a pronoun of the other gender refers to is another person ("Peterson ... his wife"
   beside Laci Peterson), and keeps that person throughout the article; ``mentions`` (prizes): a name
   that only qualifies a competition or prize noun ("his WBA title", "the MVC tournament")
   is no actor and is dropped.
9. ``types``: one type per name, voted by all its mentions (model label, the name's own
   words, the words around it; in a game report a place not written as a place is a team,
   and joins the team the article names: "Indianapolis" → Indianapolis Colts).
10. ``roles``: titles given to people ("US Deputy Secretary of State Kurt Campbell").
11. ``pronouns``: "he"/"she" to the most plausible person.
12. ``find``: runs the steps and builds one ``Entity`` per canonical name.
"""

from newsgraph.extract.entities.aliases import compatible as compatible_names
from newsgraph.extract.entities.aliases import short_forms
from newsgraph.extract.entities.find import find_entities
from newsgraph.extract.entities.orgnames import short_forms as organisation_short_forms

__all__ = ["compatible_names", "find_entities", "organisation_short_forms", "short_forms"]
