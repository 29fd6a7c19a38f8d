"""Run PETRARCH2 (Python 2.7) on sentences with their Treebank parses; print its codings as JSON lines.

Called by benchmarks/score_events.py with the Python 2.7 interpreter, from inside a writable copy of the
PETRARCH2 package folder: ``python2 petrarch2_driver.py CONFIG INPUT.jsonl``. Each input line is
{"id", "date" (YYYYMMDD), "text", "parse"}; each output line is {"id", "events": [[source, target, code]],
"error"}. A sentence PETRARCH2 raises on is reported as an error with no coding (as NOTE.txt advises).
This is a caller of PETRARCH2's own modules, not a copy of them.
"""
from __future__ import print_function

import json
import os
import sys

sys.path.insert(0, os.getcwd())
import PETRglobals  # noqa: E402
import PETRreader  # noqa: E402
import PETRtree  # noqa: E402
import petrarch2  # noqa: E402
import utilities  # noqa: E402


def main():
    config, inputs = sys.argv[1], sys.argv[2]
    devnull = open(os.devnull, "w")
    real_stdout = sys.stdout
    sys.stdout = devnull  # PETRARCH2 prints as it reads and codes
    utilities.init_logger(os.path.join(os.path.dirname(inputs), "PETRARCH.log"))
    PETRreader.parse_Config(config)
    petrarch2.read_dictionaries()
    results = []
    for line in open(inputs):
        record = json.loads(line)
        out = {"id": record["id"], "events": [], "error": None}
        try:
            if petrarch2.check_discards(record["text"])[0] == 0:
                tree = utilities._format_parsed_str(record["parse"])
                sentence = PETRtree.Sentence(tree, record["text"], PETRreader.dstr_to_ordate(record["date"]))
                coded, _ = sentence.get_events()
                out["events"] = [list(e) for e in (coded or []) if isinstance(e, tuple) and len(e) == 3]
        except Exception as exc:  # PETRARCH2 raises on some parses: no coding
            out["error"] = "%s: %s" % (type(exc).__name__, exc)
        results.append(out)
    sys.stdout = real_stdout
    for out in results:
        print(json.dumps(out))


if __name__ == "__main__":
    main()
