"""Ingest: encodings are detected, every problem becomes a ``Skipped`` naming the file and the reason."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg import ingest
from kg.errors import InputError
from kg.ingest import decode, discover, read_articles, read_file, sanitise
from kg.model import Article, Skipped

NEWS = "Putin Meets Xi In Moscow\n\nRussian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.\n"
ACCENTED = "Café talks in Zürich: “a naïve plan”, the minister said — €5 billion.\n"
LATIN1 = "Café talks in Zürich: «a naïve plan», the minister said.\n"


def items(paths) -> tuple[list[Article], list[Skipped]]:
    got = list(read_articles([Path(p) for p in paths]))
    return [a for a in got if isinstance(a, Article)], [s for s in got if isinstance(s, Skipped)]


@pytest.mark.parametrize("text, encoding, detected", [
    (NEWS + ACCENTED, "utf-8", "utf-8"),
    (NEWS + ACCENTED, "utf-8-sig", "utf-8-sig"),
    (NEWS + ACCENTED, "cp1252", "cp1252"),
    (NEWS + LATIN1, "latin-1", "cp1252"),  # Latin-1 letters are the same bytes in Windows-1252
    (NEWS + ACCENTED, "utf-16", "utf-16"),  # with a BOM
    (NEWS + ACCENTED, "utf-16-le", "utf-16-le"),  # no BOM: found from the NUL bytes
    (NEWS + ACCENTED, "utf-16-be", "utf-16-be"),
    (NEWS + ACCENTED, "utf-32", "utf-32"),
])
def test_decode_detects_the_encoding(text, encoding, detected):
    assert decode(text.encode(encoding)) == (text, detected)


def test_decode_reads_a_long_windows_1252_article_as_windows_1252():
    # charset_normalizer alone calls this mac_latin2 and turns the curly quotes into Polish letters
    text = (NEWS + "The minister’s “plan” was rejected, officials said. ") * 40
    assert decode(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\r\n\t ", "empty file"),
    (b"\x00" * 100, "empty file"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    (b"%PDF-1.7\n" + bytes(range(1, 32)) * 100, "binary"),
])
def test_decode_refuses_empty_and_binary_data(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_sanitise_replaces_what_is_not_text_and_keeps_every_offset():
    raw = "Putin\x00met\x07Xi\r\nin\x7fMoscow \ud800 \uffff\u200b\u202e"
    clean = sanitise(raw)
    assert clean == "Putin met Xi\r\nin Moscow    \u200b\u202e"
    assert len(clean) == len(raw)
    clean.encode("utf-8")  # no lone surrogate left


def test_mixed_line_endings_keep_offsets_into_the_decoded_file(tmp_path):
    raw = "Putin Meets Xi In Moscow\r\n\r\nPutin met Xi in Moscow.\rThey talked about trade.\nXi left.\r\n"
    (tmp_path / "mixed.txt").write_bytes(raw.encode())
    (article,) = list(read_file(tmp_path / "mixed.txt", "mixed.txt"))
    assert article.title == "Putin Meets Xi In Moscow"
    assert article.text == "Putin met Xi in Moscow.\nThey talked about trade.\nXi left."
    for clean_start, raw_start, length in article.offsets:
        assert article.text[clean_start:clean_start + length] == raw[raw_start:raw_start + length]


def test_jsonl_keeps_good_lines_and_names_each_bad_one(tmp_path):
    lines = [
        json.dumps({"title": "First", "text": NEWS}),
        '{"title": "broken", "text": ',
        json.dumps({"title": "no text"}),
        json.dumps(["not", "a", "record"]),
        "",
        json.dumps({"title": "Last", "text": "Xi visited Paris on Monday and met Emmanuel Macron."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    articles, skipped = items([path])
    assert [a.id for a in articles] == ["feed-1", "feed-6"]
    assert [(s.path, s.reason.split(" (")[0]) for s in skipped] == [
        (f"{path}:2", "invalid JSON"), (f"{path}:3", "record has no 'text' string"), (f"{path}:4", "record has no 'text' string"),
    ]


def test_a_json_file_that_is_not_json_is_one_skipped_item(tmp_path):
    (tmp_path / "broken.json").write_text('{"articles": [', encoding="utf-8")
    assert items([tmp_path]) == ([], [Skipped(str(tmp_path / "broken.json"), "invalid JSON: Expecting value: line 1 column 15 (char 14)")])


def test_html_drops_scripts_and_styles(tmp_path):
    page = ("<html><head><title>Putin meets Xi</title><style>body { color: red }</style>"
            "<script>var secret = 'tracking-pixel';</script></head><body><article><h1>Putin meets Xi</h1>"
            + "<p>Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.</p>" * 3
            + "<script>document.write('injected')</script></article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (article,), skipped = items([tmp_path])
    assert "Vladimir Putin met" in article.text
    assert not {"tracking-pixel", "injected", "color"} & set(article.text.replace("'", " ").split())
    assert skipped == []


def test_an_article_too_long_for_the_parser_is_refused_but_its_neighbours_build(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 500)
    (tmp_path / "dump.txt").write_text(NEWS + "-----\n" + "word " * 200 + "\n-----\n" + NEWS.replace("Tuesday", "Friday"), encoding="utf-8")
    articles, skipped = items([tmp_path])
    assert [a.id for a in articles] == ["dump", "dump-part3"]
    assert [a.origin for a in articles] == ["", "dump"]  # the second telling knows its text's first article
    assert [s.path for s in skipped] == [f"{tmp_path / 'dump.txt'}#part2"]
    assert skipped[0].reason.startswith("article too long (1,001 characters > 500)")


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1024)
    (tmp_path / "huge.txt").write_text(NEWS * 100, encoding="utf-8")
    assert items([tmp_path])[1] == [Skipped(str(tmp_path / "huge.txt"), "file too large (0 MiB > 0 MiB)")]


def test_files_that_yield_nothing_say_so(tmp_path):
    (tmp_path / "blank.txt").write_text("\n\n   \n", encoding="utf-8")
    (tmp_path / "chrome.txt").write_text("Share on Facebook\nSubscribe to our newsletter\n", encoding="utf-8")
    (tmp_path / "bom-only.txt").write_bytes(b"\xff\xfe")
    articles, skipped = items([tmp_path])
    assert articles == []
    assert {Path(s.path).name: s.reason for s in skipped} == {
        "blank.txt": "empty file", "bom-only.txt": "no text (only whitespace)",
        "chrome.txt": "no article text left after removing boilerplate",
    }


def test_unsupported_files_are_listed_and_hidden_files_ignored(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README").write_text("notes", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    files, skipped = discover([tmp_path])
    assert files == []
    assert sorted(s.reason for s in skipped) == ["unsupported file type '(none)'", "unsupported file type '.jpg'"]


def test_a_missing_input_is_skipped(tmp_path):
    assert discover([tmp_path / "nope"]) == ([], [Skipped(str(tmp_path / "nope"), "no such file or folder")])


def test_symlink_loops_are_reported_not_followed_forever(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(NEWS, encoding="utf-8")
    os.symlink("..", tmp_path / "news" / "parent")  # a folder that contains itself
    os.symlink("loop2.txt", tmp_path / "loop1.txt")
    os.symlink("loop1.txt", tmp_path / "loop2.txt")
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    articles, skipped = items([tmp_path])
    assert [a.id for a in articles] == ["news/a"]
    assert {Path(s.path).name: s.reason for s in skipped} == {
        "parent": "symlink loop: folder already read through another path",
        "loop1.txt": "cannot read: symlink loop", "loop2.txt": "cannot read: symlink loop",
        "dangling.txt": "cannot read: No such file or directory",
    }


def test_a_symlinked_folder_is_read(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "corpus" / "linked")
    assert [a.id for a in items([tmp_path / "corpus"])[0]] == ["linked/a"]


def test_a_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "feed.txt")  # reading it would block forever
    assert items([tmp_path]) == ([], [Skipped(str(tmp_path / "feed.txt"), "not a regular file (device, socket or pipe)")])


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_an_unreadable_file_is_skipped(tmp_path):
    (tmp_path / "secret.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    assert items([tmp_path])[1] == [Skipped(str(tmp_path / "secret.txt"), "cannot read: Permission denied")]


def test_a_read_error_is_skipped_even_as_root(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(NEWS.replace("Tuesday", "Friday"), encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles, skipped = items([tmp_path])
    assert [a.id for a in articles] == ["fine"]
    assert skipped == [Skipped(str(tmp_path / "secret.txt"), "cannot read: Permission denied")]


def test_two_inputs_with_the_same_relative_path_are_both_kept(tmp_path):
    for folder in ("monday", "tuesday"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(NEWS.replace("Tuesday", folder), encoding="utf-8")
    files, skipped = discover([tmp_path / "monday", tmp_path / "tuesday", tmp_path / "monday" / "a.txt"])
    assert [rel for _, rel in files] == ["a.txt", "tuesday/a.txt"]
    assert skipped == []


def test_a_folder_of_thousands_of_files(tmp_path):
    for i in range(3000):
        (tmp_path / f"{i:04d}.txt").write_text(f"Report {i}\n\nMinister {i} met the ambassador in city number {i} on day {i}.\n", encoding="utf-8")
    (tmp_path / "0042.txt").write_bytes(b"")
    articles, skipped = items([tmp_path])
    assert len(articles) == 2999
    assert [a.id for a in articles] == sorted(a.id for a in articles)
    assert skipped == [Skipped(str(tmp_path / "0042.txt"), "empty file")]


CAPTIONS = json.loads((Path(ingest.__file__).parent / "data" / "captions.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", CAPTIONS["examples"], ids=[r["text"][:40] for r in CAPTIONS["examples"]])
def test_caption_table_examples(row):
    assert ingest.is_caption(row["text"]) == row["caption"]


def test_captions_and_credits_are_blanked_with_offsets_kept(tmp_path):
    text = ("Summit In Beijing\n"
            "On May 16, 2024, Putin (front left) attended a concert. Xi Jinping met Putin in Beijing on Thursday.\n"
            "Putin and Xi attend a ceremony in Moscow. (Source: Getty Images)\n"
            "Trade rose 4% last year.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,), _ = items([tmp_path])
    assert "front left" not in article.text and "Getty" not in article.text and "ceremony" not in article.text
    assert "Xi Jinping met Putin" in article.text and "Trade rose" in article.text
    start = article.text.index("Xi Jinping met")
    assert text[article.raw_offset(start):].startswith("Xi Jinping met")
    assert len(ingest.blank_captions(text)) == len(text)


def test_a_caption_gives_no_job_title(extract):
    text = ingest.blank_captions("On May 16, 2024, Putin (front left) attended a concert in Beijing with Xi Jinping.\n"
                                 "Russian President Vladimir Putin met Xi Jinping.")
    roles = {m.role for m in extract(text).mentions}
    assert "front left" not in roles and "President" in roles


def test_html_metadata_canonical_url_author_publisher_section(tmp_path):
    page = ("<html><head><title>Putin meets Xi | The Daily Example</title>"
            '<link rel="canonical" href="https://news.example.co.uk/world/2024/03/07/putin-xi">'
            '<meta name="author" content="Jane Reporter"><meta property="og:site_name" content="The Daily Example">'
            '<meta property="article:section" content="World"></head><body><article><h1>Putin meets Xi</h1>'
            + "<p>Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.</p>" * 3
            + "</article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (article,), _ = items([tmp_path])
    assert article.canonical_url == "https://news.example.co.uk/world/2024/03/07/putin-xi" == article.url
    assert article.author == "Jane Reporter"
    assert article.publisher == "The Daily Example"
    assert article.section == "World"


def test_record_metadata_and_a_record_date_in_the_outlets_order(tmp_path):
    record = {"text": NEWS, "url": "https://www.bbc.co.uk/news/world-1", "date": "07/03/2024", "author": "A. Writer",
              "publisher": "BBC", "section": "Asia", "canonical_url": "https://www.bbc.com/news/world-1"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"text": NEWS, "date": "07/03/2024"}), encoding="utf-8")
    (first, second), _ = items([tmp_path])
    assert first.date.isoformat() == "2024-03-07"
    assert (first.author, first.publisher, first.section, first.canonical_url) == ("A. Writer", "BBC", "Asia", "https://www.bbc.com/news/world-1")
    assert second.date is None  # no URL, no outlet: 7 March or 3 July is not guessed


def test_a_json_error_message_reads_well(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"text": "unterminated', encoding="utf-8")
    _, (skipped,) = items([tmp_path])
    assert "at at" not in skipped.reason
    assert skipped.reason == "invalid JSON (Unterminated string starting at column 10)"


def test_a_position_word_in_a_long_unsplit_text_is_no_caption():
    """Lower-cased wire text is one long 'sentence' to the splitter; '(centre)' there means the government."""
    text = " ".join(["the court heard the petition today and said it would rule next week"] * 8)
    text += ' "if you (centre) allow puja there, what stops others," the judge asked.'
    from kg.ingest import blank_captions
    assert blank_captions(text) == text


def test_a_further_telling_counts_as_its_first_article_but_a_name_with_part_in_it_is_its_own_source():
    from kg.model import Evidence, Event, KnowledgeGraph

    articles = (Article("wire", "a"), Article("wire-part2", "b", origin="wire"), Article("green-party-news", "c"),
                Article("green", "d"))
    event = Event("e", "meet", "meet", None, None, None, None,
                  tuple(Evidence(a.id, "s", 0, 1) for a in articles))
    assert KnowledgeGraph(articles, (), (event,), (), ()).source_count(event) == 3
