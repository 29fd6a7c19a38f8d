"""The words titles are made of, shared by the role finder and the name cleaner."""

from __future__ import annotations

# Nouns that head a title ("... leader", "... Secretary of State", "... spokesperson").
HEADS = {
    "president", "leader", "ruler", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
    "ambassador", "envoy", "chancellor", "premier", "king", "queen", "emperor", "prince", "princess",
    "chief", "head", "director", "adviser", "advisor", "commander", "chairman", "chairwoman", "chair",
    "chairperson", "governor", "mayor", "senator", "congressman", "congresswoman", "representative",
    "official", "diplomat", "dictator", "strongman", "autocrat", "commissioner", "coordinator", "lawmaker",
    "speaker", "general", "secretary-general", "monarch", "pope", "ayatollah", "aide", "negotiator",
    "prosecutor", "judge", "attorney", "ceo", "founder", "analyst", "expert", "correspondent", "editor",
    "journalist", "officer", "press secretary", "sovereign", "vice-president", "deputy", "mp", "colonel",
    "admiral", "marshal", "lieutenant", "major", "captain", "sheikh", "emir", "sultan", "pm", "fm",
}
# Other words that appear inside titles ("Deputy Secretary of State", "State Department").
TITLE_WORDS = HEADS | {
    "vice", "prime", "foreign", "defence", "defense", "state", "affairs", "national", "security", "first",
    "acting", "former", "interim", "supreme", "of", "for", "department", "ministry", "office", "white",
    "house", "press", "council", "commission", "european", "top", "senior", "executive", "policy",
    "external", "international", "relations", "home", "interior", "finance", "economy", "trade", "armed",
    "forces", "justice", "energy", "health", "military", "intelligence", "joint", "staff", "general",
    "permanent", "special", "presidential", "deputy", "assistant", "under", "principal", "high", "federal",
    "and", "cabinet", "defense", "outgoing", "incoming", "then", "newly", "appointed", "elected", "current",
    "ex", "-", "kremlin", "pentagon", "government", "party", "communist", "workers", "republican", "democratic",
}


def is_title_word(word: str) -> bool:
    return word.lower() in TITLE_WORDS

# Nouns for people that a place name can qualify ("an Arkansas woman", "a Perth climber"), in the
# singular (the lemma is looked up); titles (HEADS) count too.
PEOPLE_NOUNS = {
    "man", "woman", "boy", "girl", "teen", "teenager", "child", "kid", "baby", "mother", "father", "mom", "mum",
    "dad", "son", "daughter", "brother", "sister", "wife", "husband", "grandmother", "grandfather", "family",
    "couple", "resident", "native", "citizen", "people", "person", "voter", "student", "worker", "soldier",
    "activist", "veteran", "victim", "suspect", "driver", "pedestrian", "inmate", "prisoner", "convict",
    "escapee", "climber", "mountaineer", "doctor", "nurse", "teacher", "lawyer", "police", "policeman",
    "detective", "jury", "juror", "fan", "player", "athlete", "coach", "star", "actor", "actress", "singer",
    "rapper", "musician", "artist", "writer", "businessman", "entrepreneur", "farmer", "fisherman", "pastor",
    "priest", "teen-ager", "youth", "gunman", "killer", "murderer", "shooter", "thief", "robber", "hero",
    "firefighter", "authority", "lineman", "receiver", "quarterback", "tourist", "hiker", "survivor", "lifer",
}
# Abbreviated titles before a name ("Gov. Sarah Palin", "Sen. Ted Cruz"), without the full stop.
TITLE_ABBREVIATIONS = {"gov", "sen", "rep", "gen", "lt", "col", "sgt", "atty", "supt", "det", "insp", "cmdr", "adm"}
