"""Tests for the Python scripts in scripts/ (stdlib unittest; no shared data needed).

Run: python3 -m unittest discover -s scripts/tests -v     (from the repository root)

The fixtures below are our own invented text in the formats of the real collections, so the tests
never read ../shared/data.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SCRIPTS))


def load_script(name: str):
    """Import an extension-less script as a module."""
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), str(SCRIPTS / name))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def run(*argv: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, **kw)


REUTERS_SGML = (
    b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
    b'<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="900" NEWID="7">\n'
    b'<DATE> 3-MAR-1987 09:15:02.11&#5;&#5;&#5;F</DATE>\n'
    b'<TOPICS><D>grain</D><D>wheat</D></TOPICS>\n<PLACES><D>usa</D></PLACES>\n'
    b'<PEOPLE><D>james-baker</D><D>de-la-madrid</D><D>o-kennedy</D></PEOPLE>\n'
    b'<ORGS><D>imf</D><D>worldbank</D><D>ico-coffee</D></ORGS>\n'
    b'<EXCHANGES><D>cbt</D></EXCHANGES>\n<COMPANIES></COMPANIES>\n'
    b'<UNKNOWN>&#5;&#5;&#5;C\n&#22;&#22;&#1;f0001&#31;reute</UNKNOWN>\n'
    b'<TEXT>&#2;\n<TITLE>FARM GROUP &lt;FGX> SEES LARGER WHEAT CROP</TITLE>\n'
    b'<DATELINE>    KANSAS CITY, March 3 - </DATELINE><BODY>A farm group said the winter\n'
    b'wheat crop would be larger than last year, citing M\xfcller &amp; Co.\n'
    b'    A second paragraph starts with an indent.\n Reuter\n&#3;</BODY></TEXT>\n'
    b'</REUTERS>\n'
    b'<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="901" NEWID="8">\n'
    b'<DATE>12-APR-1987 17:00:00.00</DATE>\n<TOPICS></TOPICS>\n<PLACES></PLACES>\n'
    b'<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n'
    b'<TEXT TYPE="BRIEF">&#2;\n<TITLE>SHORT HEADLINE ONLY</TITLE>\n'
    b'******Blah blah blah.\n&#3;\n</TEXT>\n</REUTERS>\n'
    b'<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="902" NEWID="9">\n'
    b'<DATE>12-APR-1987 17:01:00.00</DATE>\n<TOPICS></TOPICS>\n<PLACES></PLACES>\n'
    b'<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n'
    b'<TEXT TYPE="UNPROC">&#2;\nWEEKLY TABLE\n  line one ...... 12\n&#3;\n</TEXT>\n</REUTERS>\n'
    b'<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="903" NEWID="10">\n'
    b'<DATE>12-APR-1987 17:02:00.00</DATE>\n<TOPICS></TOPICS>\n<PLACES></PLACES>\n'
    b'<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n'
    b'<TEXT TYPE="UNPROC">&#2;\n&#3;\n\n</TEXT>\n</REUTERS>\n'
)

CRAN_DOCS = """.I 1
.T
drag of a thin plate .
.A
doe,j.
.B
j. invented. 1, 2000, 1.
.W
drag of a thin plate .
  the drag of a thin plate in a
slow stream was measured .
.I 2
.T
heat transfer at the nose .
.A
.B
.W
heat transfer at the nose of a blunt body .
"""
CRAN_QUERIES = """.I 001
.W
what is the drag of a thin plate .
.I 004
.W
how is heat transferred at a blunt nose .
"""
CRAN_QRELS = "1 1 2\n1 2 -1\n2 2 1\n2 1 4\n"


class ReutersTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mod = load_script("reuters-to-jsonl")
        cls.tmp = tempfile.TemporaryDirectory()
        src = Path(cls.tmp.name) / "src"
        src.mkdir()
        (src / "reut2-000.sgm").write_bytes(REUTERS_SGML)
        out = Path(cls.tmp.name) / "out.jsonl"
        cls.proc = run(str(SCRIPTS / "reuters-to-jsonl"), str(src), str(out))
        cls.records = [json.loads(line) for line in out.read_text().splitlines()]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_keeps_stories_with_title_or_body_and_reports_the_rest(self):
        self.assertEqual(self.proc.returncode, 0, self.proc.stderr)
        self.assertEqual([r["id"] for r in self.records], ["reuters-7", "reuters-8", "reuters-9"])
        self.assertIn("4 stories", self.proc.stderr)
        self.assertIn("1 with neither title nor body", self.proc.stderr)

    def test_fields_of_a_normal_story(self):
        r = self.records[0]
        self.assertEqual(r["title"], "FARM GROUP <FGX> SEES LARGER WHEAT CROP")
        self.assertEqual(r["date"], "1987-03-03")
        self.assertEqual(r["time"], "09:15:02")
        self.assertEqual(r["dateline"], "KANSAS CITY, March 3")
        self.assertEqual(r["source"], "Reuters")
        self.assertEqual(r["topics"], ["grain", "wheat"])
        self.assertEqual(r["exchanges"], ["cbt"])
        self.assertEqual(r["actors"], ["James Baker", "De la Madrid",
                                       "O'Kennedy", "IMF", "World Bank", "ICO Coffee"])

    def test_body_is_decoded_reflowed_and_loses_the_signoff(self):
        body = self.records[0]["body"]
        self.assertEqual(body, "A farm group said the winter wheat crop would be larger than last "
                               "year, citing Müller & Co.\n\nA second paragraph starts with an indent.")

    def test_brief_story_drops_the_placeholder(self):
        self.assertEqual(self.records[1]["title"], "SHORT HEADLINE ONLY")
        self.assertEqual(self.records[1]["body"], "")

    def test_unprocessed_story_uses_the_text(self):
        self.assertEqual(self.records[2]["title"], "")
        self.assertIn("WEEKLY TABLE", self.records[2]["body"])
        self.assertIn("line one ...... 12", self.records[2]["body"])

    def test_names(self):
        cases = {"reagan": "Reagan", "james-baker": "James Baker", "von-weizsaecker": "Von Weizsaecker",
                 "zia-ul-haq": "Zia ul Haq", "perez-de-cuellar": "Perez de Cuellar"}
        for code, name in cases.items():
            self.assertEqual(self.mod.person_name(code), name)
        self.assertEqual(self.mod.org_name("opec"), "OPEC")
        self.assertEqual(self.mod.org_name("iwc-whale"), "IWC Whale")


class CranfieldTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.src = Path(self.tmp.name)
        (self.src / "cran.all.1400").write_text(CRAN_DOCS)
        (self.src / "cran.qry").write_text(CRAN_QUERIES)
        (self.src / "cranqrel").write_text(CRAN_QRELS)

    def tearDown(self):
        self.tmp.cleanup()

    def test_conversion(self):
        out = self.src / "c.jsonl"
        p = run(str(SCRIPTS / "cranfield-to-jsonl"), str(self.src), str(out),
                "--queries", str(self.src / "q.tsv"), "--qrels", str(self.src / "q.qrels"))
        self.assertEqual(p.returncode, 0, p.stderr)
        docs = [json.loads(line) for line in out.read_text().splitlines()]
        self.assertEqual(docs[0]["id"], "1")
        self.assertEqual(docs[0]["title"], "drag of a thin plate .")
        self.assertEqual(docs[0]["body"], "drag of a thin plate . the drag of a thin plate in a slow "
                                          "stream was measured .")
        self.assertEqual(docs[0]["authors"], ["doe,j."])
        self.assertEqual(docs[1]["authors"], [])
        # Queries renumbered 1..n in file order (.I 004 becomes 2).
        self.assertEqual((self.src / "q.tsv").read_text().splitlines(),
                         ["1\twhat is the drag of a thin plate .",
                          "2\thow is heat transferred at a blunt nose ."])
        # Grade 2 → gain 3, -1 → 0, 1 → 4, 4 → 1.
        self.assertEqual((self.src / "q.qrels").read_text().splitlines(),
                         ["1 0 1 3", "1 0 2 0", "2 0 2 4", "2 0 1 1"])

    def test_eval_ranking_scores_baseline_and_a_stand_in_binary(self):
        try:
            import ir_measures  # noqa: F401
        except ImportError:
            try:
                import pytrec_eval  # noqa: F401
            except ImportError:
                self.skipTest("no scorer installed")
        fake = self.src / "fake-search"
        # A stand-in for `search`: index is a no-op, queries return doc 1 then doc 2.
        fake.write_text("#!/usr/bin/env python3\nimport sys, json\n"
                        "if 'index' in sys.argv[:sys.argv.index('--')] if '--' in sys.argv else 'index' in sys.argv:\n"
                        "    sys.exit(0)\n"
                        "print(json.dumps({'hits': [{'id': '1', 'score': 2.0, 'rank': 1},"
                        " {'id': '2', 'score': 1.0, 'rank': 2}]}))\n")
        fake.chmod(0o755)
        p = run(str(SCRIPTS / "eval-ranking"), "--data", str(self.src), "--out", str(self.src / "o"),
                "--search", str(fake), "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        res = json.loads(p.stdout)
        ours = res["systems"]["ours --match any"]
        # Query 1: doc 1 (gain 3) at rank 1 → AP 1; query 2: doc 2 (gain 4) at rank 2, doc 1
        # (gain 1) at rank 1 → AP (1/1 + 2/2) / 2 = 1.
        self.assertAlmostEqual(ours["MAP"], 1.0)
        self.assertAlmostEqual(ours["P@10"], 0.15)
        self.assertIn("FTS5 porter bm25()", res["systems"])
        self.assertTrue((self.src / "o" / "run-ours-auto.trec").exists())

    def test_eval_ranking_survives_a_failing_binary(self):
        p = run(str(SCRIPTS / "eval-ranking"), "--data", str(self.src), "--out", str(self.src / "o"),
                "--search", "/bin/false", "--json")
        if "no scorer" in p.stderr:
            self.skipTest("no scorer installed")
        self.assertEqual(p.returncode, 0, p.stderr)
        res = json.loads(p.stdout)
        self.assertEqual(list(res["systems"]), ["FTS5 porter bm25()"])
        self.assertTrue(res["notes"][0].startswith("ours: not scored"))


class GenCorpusTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.base = Path(cls.tmp.name)
        cls.p1 = run(str(SCRIPTS / "gen-corpus"), "3000", "5", "--out", str(cls.base / "a"),
                     "--format", "both")
        cls.p2 = run(str(SCRIPTS / "gen-corpus"), "3000", "5", "--out", str(cls.base / "b"))
        cls.p3 = run(str(SCRIPTS / "gen-corpus"), "300", "6", "--out", str(cls.base / "c"))
        cls.lines = (cls.base / "a" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
        cls.records = [json.loads(line) for line in cls.lines]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_runs(self):
        for p in (self.p1, self.p2, self.p3):
            self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(self.records), 3000)

    def test_deterministic_and_seed_dependent(self):
        a = (self.base / "a" / "corpus.jsonl").read_bytes()
        self.assertEqual(a, (self.base / "b" / "corpus.jsonl").read_bytes())
        c = (self.base / "c" / "corpus.jsonl").read_bytes()
        self.assertNotEqual(a[:len(c)], c)

    def test_hand_written_json_is_what_json_dumps_would_write(self):
        for line, rec in zip(self.lines[:500], self.records[:500]):
            self.assertEqual(line, json.dumps(rec, ensure_ascii=False))

    def test_fields(self):
        ids = {r["id"] for r in self.records}
        self.assertEqual(len(ids), 3000)
        for r in self.records[:200]:
            self.assertRegex(r["date"], r"^20(0[1-9]|1\d|2[0-5])-\d\d-\d\d$")
            self.assertTrue(r["title"] and r["body"] and r["source"])
            for actor in r["actors"]:
                self.assertNotIn(",", actor)

    def test_actor_names_are_written_into_the_text(self):
        found = sum(all(a in r["body"] for a in r["actors"]) for r in self.records)
        self.assertEqual(found, len(self.records))
        self.assertGreater(sum(bool(r["actors"]) for r in self.records), 2000)

    def test_lengths_and_skews(self):
        words = [len(r["body"].split()) for r in self.records]
        mean = sum(words) / len(words)
        self.assertTrue(200 < mean < 320, mean)
        sources = {}
        for r in self.records:
            sources[r["source"]] = sources.get(r["source"], 0) + 1
        counts = sorted(sources.values(), reverse=True)
        self.assertGreater(len(counts), 150)
        self.assertGreater(counts[0], 10 * counts[len(counts) // 2])
        years = [int(r["date"][:4]) for r in self.records]
        self.assertGreater(sum(y >= 2020 for y in years), sum(y <= 2005 for y in years) * 2)

    def test_probe_selectivity(self):
        def docs_with(term):
            return sum(term in r["body"].split() or term + "." in r["body"].split()
                       for r in self.records)
        self.assertTrue(200 <= docs_with("probeaa") <= 400)
        self.assertTrue(10 <= docs_with("probebb") <= 60)
        self.assertTrue(10 <= sum("probett" in r["title"] for r in self.records) <= 60)
        phrase = sum("probeee probeff" in r["body"] for r in self.records)
        self.assertTrue(10 <= phrase <= 60)

    def test_files_layout_and_front_matter(self):
        rec = self.records[0]
        slug = rec["url"].split("//")[1].split(".example")[0]
        path = self.base / "a" / "files" / slug / rec["date"][:4] / f"{rec['id']}.md"
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n---\n\n", 1)
        fields = dict(line.split(": ", 1) for line in head.splitlines()[1:])
        self.assertEqual(fields["id"], rec["id"])
        self.assertEqual(fields["title"], rec["title"])
        self.assertEqual(fields["date"], rec["date"])
        self.assertEqual(fields["actors"], "[" + ", ".join(rec["actors"]) + "]")
        self.assertEqual(body.rstrip("\n"), rec["body"])
        n_files = sum(1 for _ in (self.base / "a" / "files").rglob("*.md"))
        self.assertEqual(n_files, 3000)


class GenCorpusRealisticTests(unittest.TestCase):
    """--mode realistic on the invented Reuters fixture above (no shared data)."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.base = Path(self.tmp.name)
        (self.base / "src").mkdir()
        (self.base / "src" / "reut2-000.sgm").write_bytes(REUTERS_SGML)

    def tearDown(self):
        self.tmp.cleanup()

    def generate(self, name, *extra):
        p = run(str(SCRIPTS / "gen-corpus"), "40", "3", "--mode", "realistic", "--reuters",
                str(self.base / "src"), "--out", str(self.base / name), *extra)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p

    def test_articles_from_the_stories_with_our_dates_and_sources(self):
        self.generate("a")
        self.generate("b")
        a = (self.base / "a" / "corpus.jsonl").read_bytes()
        self.assertEqual(a, (self.base / "b" / "corpus.jsonl").read_bytes())
        records = [json.loads(line) for line in a.decode().splitlines()]
        self.assertEqual(len(records), 40)
        for r in records:
            # Only story 7 has a title and a body; its dateline place leads, with our date.
            self.assertEqual(r["title"], "FARM GROUP <FGX> SEES LARGER WHEAT CROP")
            self.assertRegex(r["body"], r"^KANSAS CITY, [A-Z][a-z]{2} \d{1,2} - A farm group said")
            self.assertRegex(r["date"], r"^20(0[1-9]|1\d|2[0-5])-\d\d-\d\d$")
            self.assertNotEqual(r["source"], "Reuters")
            self.assertIn("James Baker", r["actors"])
            self.assertIn("United States", r["actors"])
            self.assertTrue(r["id"].startswith("real3-"))

    def test_missing_data_is_skipped(self):
        p = run(str(SCRIPTS / "gen-corpus"), "5", "1", "--mode", "realistic", "--reuters",
                str(self.base / "absent"), "--out", str(self.base / "x"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith("skipped: "), p.stdout)
        self.assertFalse((self.base / "x").exists())


class LoaderAndSkipTests(unittest.TestCase):
    def test_fts5_load_baseline(self):
        with tempfile.TemporaryDirectory() as d:
            corpus = Path(d) / "c.jsonl"
            corpus.write_text('{"id": "a", "title": "Harbour cranes", "body": "Cranes were idle."}\n'
                              'not json\n'
                              '{"id": "b", "title": "Rail strike", "text": "Trains stopped running."}\n')
            db = Path(d) / "c.sqlite"
            p = run(str(SCRIPTS / "fts5-load-baseline"), str(corpus), str(db), "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            summary = json.loads(p.stdout)
            self.assertEqual((summary["articles"], summary["bad_lines"]), (2, 1))
            con = sqlite3.connect(db)
            hits = con.execute("SELECT id FROM docs WHERE docs MATCH 'running'").fetchall()
            self.assertEqual(hits, [("b",)])  # porter: running → run
            con.close()

    def test_missing_data_is_skipped_with_exit_zero(self):
        for argv in (["reuters-to-jsonl", "/nonexistent/reuters"],
                     ["cranfield-to-jsonl", "/nonexistent/cran"],
                     ["eval-ranking", "--data", "/nonexistent/cran", "--skip-ours"],
                     ["fts5-load-baseline", "/nonexistent/c.jsonl", os.devnull + ".db"]):
            p = run(str(SCRIPTS / argv[0]), *argv[1:])
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertTrue(p.stdout.startswith("skipped: "), p.stdout)
            self.assertEqual(len(p.stdout.strip().splitlines()), 1)


if __name__ == "__main__":
    unittest.main()


class EvalExtractionTests(unittest.TestCase):
    """eval-extraction on invented pages with a stand-in for the extraction-eval binary."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        base = Path(self.tmp.name)
        (base / "trafilatura-eval" / "html").mkdir(parents=True)
        (base / "htmldate-eval" / "html").mkdir(parents=True)
        (base / "trafilatura-eval" / "html" / "a.html").write_text("<p>x</p>")
        (base / "trafilatura-eval" / "evaldata.json").write_text(json.dumps({
            "https://a.example/1": {"file": "a.html", "with": ["Harbour  ferry", "quay"], "without": ["Cookies"]},
            "https://a.example/missing": {"file": "gone.html", "with": ["x"], "without": []},
        }))
        (base / "htmldate-eval" / "html" / "b.html").write_text("<p>y</p>")
        (base / "htmldate-eval" / "html" / "c.html").write_text("<p>z</p>")
        (base / "htmldate-eval" / "eval.json").write_text(json.dumps({
            "https://b.example/": {"file": "b.html", "date": "2024-05-17"},
            "https://c.example/": {"file": "c.html", "date": "2024-05-18"},
        }))
        # Reads page paths, answers: a.html keeps the ferry and the cookie line, loses the quay.
        self.fake = base / "fake-extraction-eval"
        self.fake.write_text(
            "#!/usr/bin/env python3\nimport sys, json, os\n"
            "answers = {'a.html': ('Harbour', 'ferry news\\nCookies here'), 'b.html': ('B', ''), 'c.html': ('C', '')}\n"
            "dates = {'b.html': '2024-05-17', 'c.html': '2024-05'}\n"
            "for line in sys.stdin:\n"
            "    name = os.path.basename(line.strip())\n"
            "    if not name: continue\n"
            "    title, body = answers[name]\n"
            "    print(json.dumps({'file': name, 'title': title, 'body': body, 'date': dates.get(name), 'ms': 1}))\n")
        self.fake.chmod(0o755)
        self.base = base

    def tearDown(self):
        self.tmp.cleanup()

    def test_scores_by_the_notice_rules(self):
        p = run(str(SCRIPTS / "eval-extraction"), "--data", str(self.base), "--bin", str(self.fake), "--no-peers")
        self.assertEqual(p.returncode, 0, p.stderr)
        # 1 TP (title + body across the line break, white space normalised), 1 FN, 1 FP.
        self.assertIn("P 0.500  R 0.500  F1 0.500", p.stdout)
        self.assertIn("main text (1 pages)", p.stdout)
        # A month is not the day: 1 of 2 right.
        self.assertIn("accuracy 0.500  no date 0", p.stdout)
        self.assertIn("skipped (not installed or --no-peers)", p.stdout)

    def test_skipped_without_data(self):
        p = run(str(SCRIPTS / "eval-extraction"), "--data", str(self.base / "nowhere"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith("skipped:"), p.stdout)


class HashIndexLinksTests(unittest.TestCase):
    """hash-index digests the actor links as (article, actor, mentions), packed (schema 7) or not (6)."""

    @staticmethod
    def make(path: str, packed: bool) -> None:
        db = sqlite3.connect(path)
        db.executescript("""
            CREATE TABLE sources(id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE documents(id INTEGER PRIMARY KEY, external_id TEXT, file_id INTEGER, path TEXT, title TEXT, body TEXT,
                url TEXT, date TEXT, date_first TEXT, date_last TEXT, source_id INTEGER, content_hash TEXT,
                authors TEXT, given_actors TEXT, metadata TEXT);
            CREATE TABLE actors(id INTEGER PRIMARY KEY, name TEXT, type TEXT, folded TEXT);
            CREATE TABLE actor_aliases(alias TEXT, actor_id INTEGER);
            CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT, size INTEGER, hash TEXT);
            CREATE TABLE meta(key TEXT, value TEXT);
            CREATE TABLE documents_fts_data(id INTEGER PRIMARY KEY, block BLOB);
            INSERT INTO documents(id, external_id, source_id, metadata) VALUES (1, 'b', 1, '{}'), (2, 'a', 1, '{}');
            INSERT INTO actors(id, name) VALUES (5, 'Émile'), (200, 'Zed'), (300, 'Ann');
            """)
        if packed:
            db.execute("CREATE TABLE document_links(document_id INTEGER PRIMARY KEY, links BLOB)")
            # Article 1: actor 5 ×2, actor 200 ×1 (gap 195 = 0xC3 0x01), actor 300 ×130 (gap 100; 130 = 0x82 0x01).
            db.execute("INSERT INTO document_links VALUES (1, ?)", (bytes([5, 2, 0xC3, 0x01, 1, 100, 0x82, 0x01]),))
            db.execute("INSERT INTO document_links VALUES (2, ?)", (bytes([200, 0x01, 1]),))
        else:
            db.execute("CREATE TABLE document_actors(document_id, actor_id, mentions)")
            db.executemany("INSERT INTO document_actors VALUES (?, ?, ?)",
                           [(2, 200, 1), (1, 300, 130), (1, 5, 2), (1, 200, 1)])
        db.commit()
        db.close()

    def test_packed_and_row_links_digest_alike(self):
        with tempfile.TemporaryDirectory() as tmp:
            lines = {}
            for packed in (False, True):
                path = os.path.join(tmp, f"{packed}.sqlite")
                self.make(path, packed)
                done = run(str(SCRIPTS / "hash-index"), path, "--json")
                self.assertEqual(done.returncode, 0, done.stderr)
                lines[packed] = json.loads(done.stdout)["links"]
            self.assertEqual(lines[True], lines[False])
            self.assertEqual(lines[True]["rows"], 4)

    def test_schema_eight_rows_digest_as_the_older_forms(self):
        """Metadata packed against `metadata_keys` and a NULL path (the file's) digest as JSON and the path."""
        with tempfile.TemporaryDirectory() as tmp:
            digests = {}
            for packed in (False, True):
                path = os.path.join(tmp, f"{packed}.sqlite")
                self.make(path, packed=True)
                db = sqlite3.connect(path)
                db.execute("INSERT INTO files(id, path, size, hash) VALUES (4, '/news/dump.jsonl', 1, 'h')")
                if packed:
                    db.execute("CREATE TABLE metadata_keys(id INTEGER PRIMARY KEY, name TEXT)")
                    db.execute("INSERT INTO metadata_keys VALUES (1, 'topics'), (130, 'places')")
                    # places (130 = 0x82 0x01) = "usa", topics (1) = "cocoa", é as two bytes
                    blob = bytes([0x82, 0x01, 3]) + b"usa" + bytes([1, 6]) + "cocoé".encode()
                    db.execute("UPDATE documents SET metadata = ?, path = NULL, date_first = NULL WHERE id = 1", (blob,))
                else:
                    db.execute("""UPDATE documents SET metadata = '{"topics":"cocoé","places":"usa"}',
                                  path = '/news/dump.jsonl', date_first = '2025-01-01' WHERE id = 1""")
                db.execute("UPDATE documents SET path = '/news/dump.jsonl' WHERE id = 2")
                db.execute("UPDATE documents SET file_id = 4")
                db.commit()
                db.close()
                done = run(str(SCRIPTS / "hash-index"), path, "--json")
                self.assertEqual(done.returncode, 0, done.stderr)
                digests[packed] = json.loads(done.stdout)["documents"]
            self.assertEqual(digests[True], digests[False])


class ServeTraceTests(unittest.TestCase):
    """serve-trace: the tail and the stalls of a `search serve --trace` log."""

    HEADER = ("arrival_ms\ttotal_ms\tqueue_ms\tparse_ms\treader_ms\tcolumns_ms\tcolumns\tanswer\tanswer_ms\t"
              "compute_cpu_ms\twrite_ms\tcpu_ms\tgeneration\tanswer_generation\tattempts\tquery")

    @staticmethod
    def line(arrival, total, answer="kept", columns="kept", columns_ms=0.0, generation=5, query="q=oil", answered=None):
        return (f"{arrival}\t{total}\t0.01\t0.01\t0.01\t{columns_ms}\t{columns}\t{answer}\t{total}\t0.0\t0.1\t0.2\t"
                f"{generation}\t{generation if answered is None else answered}\t1\t{query}")

    def test_the_tail_and_a_stall_after_a_commit(self):
        lines = [self.line(i * 1.0, 0.5) for i in range(200)]
        # A commit at 200 ms: the first request brings the columns forward while the others wait.
        lines.append(self.line(200.0, 400.0, answer="computed", columns="forward", columns_ms=300.0, generation=6,
                               query="q=long+question"))
        lines.append(self.line(600.5, 0.5, generation=6))
        lines += [self.line(601.0 + i, 0.5, generation=6) for i in range(100)]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "trace.tsv"
            path.write_text(self.HEADER + "\n" + "\n".join(lines) + "\n# 3 later requests not kept\n")
            out = run(str(SCRIPTS / "serve-trace"), str(path), "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        report = json.loads(out.stdout)
        self.assertEqual(report["requests"], 302)
        self.assertEqual(report["generations"], 2)
        self.assertEqual(report["tail"]["answers"].get("computed"), 1)
        self.assertEqual(report["tail"]["columns"].get("forward"), 1)
        self.assertEqual(len(report["stalls"]), 1)
        stall = report["stalls"][0]
        self.assertAlmostEqual(stall["ms"], 400.5)
        self.assertAlmostEqual(stall["since_commit_ms"], 0.0)
        self.assertEqual([waiting[0] for waiting in stall["waiting"]], ["q=long+question"])

    def test_answers_of_the_earlier_state_after_a_commit(self):
        lines = [self.line(i * 1.0, 0.5) for i in range(100)]
        # A commit at 100 ms: the new state's answer is computed while the others get the earlier state's.
        lines.append(self.line(100.0, 120.0, answer="computed", columns="forward", generation=6))
        lines += [self.line(100.5 + i, 0.5, answer="previous", columns="unread", generation=6, answered=5)
                  for i in range(30)]
        lines += [self.line(130.5 + i, 0.5, generation=6) for i in range(30)]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "trace.tsv"
            path.write_text(self.HEADER + "\n" + "\n".join(lines) + "\n")
            out = run(str(SCRIPTS / "serve-trace"), str(path), "--json")
            text = run(str(SCRIPTS / "serve-trace"), str(path))
        self.assertEqual(out.returncode, 0, out.stderr)
        report = json.loads(out.stdout)
        self.assertEqual(report["all"]["answers"].get("previous"), 30)
        self.assertEqual(report["earlier_state"]["count"], 30)
        self.assertAlmostEqual(report["earlier_state"]["latest_after_commit_ms"], 29.5)
        self.assertEqual(report["stalls"], [])
        self.assertIn("answers of an earlier state: 30, the last 30 ms after its state's first request", text.stdout)

    def test_an_empty_log_is_an_error(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "trace.tsv"
            path.write_text(self.HEADER + "\n")
            out = run(str(SCRIPTS / "serve-trace"), str(path))
        self.assertEqual(out.returncode, 2)
        self.assertIn("no requests", out.stderr)
