#!/usr/bin/python3
"""Keep the code in the guides honest: extract the samples, check the marks.

Every fenced code block in a guide (docs/*.md) names its language in its
info string. A block in C, Python or Ruby is one of two kinds:

    ```c sample=getting_started      part of a complete program; the build
                                     extracts it, compiles or runs it as the
                                     ctest test docs.sample.getting_started,
                                     and it must exit 0
    ```c fragment                    a piece of a program, shown for reading
                                     only

so that no code can slip into a guide without a decision about it. The
blocks of one guide that name the same sample are its parts, joined in the
order they appear, so that prose can walk through a program step by step
while every line of it is still compiled.

A block that shows what a sample prints is marked with the sample's name:

    ```text output=getting_started   the sample's standard output, which
                                     the test compares with what it prints

so that the output shown cannot drift either.

Usage:
    extract.py extract --out DIR --manifest FILE GUIDE...
        Write each sample to DIR/NAME.c, .py or .rb and its expected output,
        if the guide shows one, to DIR/NAME.out (a file is rewritten only
        when its text changes, so that nothing rebuilds needlessly), and
        list them in FILE, one line each: LANGUAGE, NAME, PATH and OUTPUT
        separated by tabs, with "-" for OUTPUT when there is none.
    extract.py check GUIDE_OR_DIR...
        Fail, naming file and line, when a block has no language, a C,
        Python or Ruby block is neither a sample nor a fragment, a mark is
        malformed, two guides use one sample name, the parts of a sample
        are in different languages, an output names no sample of its guide
        or a sample has two, or a fence is not closed.
    extract.py links FILE_OR_DIR...
        Fail when a relative Markdown link points to a file that does not
        exist, or to a heading (file.md#anchor) that the file does not have.
"""

import argparse
import pathlib
import re
import sys

# Language names accepted in info strings, by the language they stand for.
LANGUAGES = {
    "c": "c",
    "python": "python",
    "py": "python",
    "ruby": "ruby",
    "rb": "ruby",
}
SUFFIXES = {"c": ".c", "python": ".py", "ruby": ".rb"}

FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
SAMPLE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


class Block:
    """One fenced code block of a guide."""

    def __init__(self, path, line, info, text):
        self.path = path
        self.line = line  # line number of the opening fence, from 1
        self.info = info
        self.text = text

    def where(self):
        return f"{self.path}:{self.line}"


class Sample:
    """A program of a guide: its language, name, parts and shown output."""

    def __init__(self, language, name, block):
        self.language = language
        self.name = name
        self.blocks = [block]
        self.output = None


def read_blocks(path, problems):
    """Every fenced block of a Markdown file, in order."""
    blocks = []
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0

    while index < len(lines):
        match = FENCE.match(lines[index])
        if match is None or ("`" in match["info"] and match["fence"][0] == "`"):
            index += 1
            continue

        opening = index
        indent = len(match["indent"])
        fence = match["fence"]
        closing = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence))
                             + r",}\s*$")
        body = []
        index += 1
        while index < len(lines) and not closing.match(lines[index]):
            line = lines[index]
            strip = min(indent, len(line) - len(line.lstrip(" ")))
            body.append(line[strip:])
            index += 1

        if index >= len(lines):
            problems.append(f"{path}:{opening + 1}: code block is never closed")
            break
        blocks.append(Block(path, opening + 1, match["info"].strip(), body))
        index += 1
    return blocks


def classify(block, problems):
    """(language, sample name or None) of a C, Python or Ruby block, None for
    a block in another language; records what is wrong with its marks."""
    words = block.info.split()
    if not words:
        problems.append(f"{block.where()}: code block without a language; name one "
                        "(c, python, ruby, sh, text...)")
        return None

    outputs = [word[len("output="):] for word in words[1:] if word.startswith("output=")]
    if outputs:
        if len(words) != 2:
            problems.append(f"{block.where()}: an output block takes only "
                            "'output=NAME'")
            return None
        return ("output", outputs[0])

    language = LANGUAGES.get(words[0].lower())
    if language is None:
        return None

    marks = words[1:]
    samples = [mark[len("sample="):] for mark in marks if mark.startswith("sample=")]
    fragment = "fragment" in marks
    unknown = [mark for mark in marks
               if mark != "fragment" and not mark.startswith("sample=")]

    if unknown:
        problems.append(f"{block.where()}: unknown mark {unknown[0]!r}; use "
                        f"'{words[0]} sample=NAME' or '{words[0]} fragment'")
        return None
    if fragment and samples:
        problems.append(f"{block.where()}: a block is a sample or a fragment, not both")
        return None
    if fragment:
        return (language, None)
    if len(samples) != 1:
        problems.append(f"{block.where()}: {words[0]} block is neither a sample nor a "
                        f"fragment; mark it '{words[0]} sample=NAME' (a complete "
                        f"program that the tests run) or '{words[0]} fragment'")
        return None
    if not SAMPLE_NAME.match(samples[0]):
        problems.append(f"{block.where()}: sample name {samples[0]!r} must be lower "
                        "case letters, digits and '_', starting with a letter")
        return None
    return (language, samples[0])


def guides(arguments):
    """The Markdown files named, directories standing for their *.md files."""
    paths = []
    for argument in arguments:
        path = pathlib.Path(argument)
        if path.is_dir():
            paths.extend(sorted(path.glob("*.md")))
        else:
            paths.append(path)
    return paths


def collect(arguments):
    """The samples of the guides as Sample objects, and the problems found."""
    problems = []
    samples = {}
    outputs = []

    for path in guides(arguments):
        for block in read_blocks(path, problems):
            kind = classify(block, problems)
            if kind is None or kind[1] is None:
                continue
            language, name = kind
            if language == "output":
                outputs.append((name, block))
                continue
            known = samples.get(name)
            if known is None:
                samples[name] = Sample(language, name, block)
            elif known.blocks[0].path != block.path:
                problems.append(f"{block.where()}: sample name {name!r} is already "
                                f"used at {known.blocks[0].where()}")
            elif known.language != language:
                problems.append(f"{block.where()}: a part of sample {name!r} in "
                                f"{language}, but it started in {known.language} at "
                                f"{known.blocks[0].where()}")
            else:
                known.blocks.append(block)

    for name, block in outputs:
        known = samples.get(name)
        if known is None or known.blocks[0].path != block.path:
            problems.append(f"{block.where()}: output of {name!r}, which is no "
                            "sample of this guide")
        elif known.output is not None:
            problems.append(f"{block.where()}: a second output of {name!r}; the "
                            f"first is at {known.output.where()}")
        else:
            known.output = block
    return list(samples.values()), problems


def sample_text(language, blocks):
    """The file for a sample: a note of where it came from, then its parts.
    In C, each part starts with a #line directive, so that compiler messages
    point into the guide."""
    source = blocks[0].path.resolve().as_posix()
    if language == "c":
        text = f"/* Extracted from {source} by docs/samples/extract.py. */\n"
        for block in blocks:
            text += f'#line {block.line + 1} "{source}"\n'
            text += "\n".join(block.text) + "\n"
        return text

    text = f"# Extracted from {source} by docs/samples/extract.py.\n"
    return text + "\n".join("\n".join(block.text) for block in blocks) + "\n"


def write_if_changed(path, text):
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def command_extract(options):
    samples, problems = collect(options.guides)
    if problems:
        sys.exit("\n".join(problems))

    out = pathlib.Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for sample in samples:
        path = out / (sample.name + SUFFIXES[sample.language])
        write_if_changed(path, sample_text(sample.language, sample.blocks))
        expected = "-"
        if sample.output is not None:
            expected_path = out / (sample.name + ".out")
            write_if_changed(expected_path, "".join(line + "\n"
                                                    for line in sample.output.text))
            expected = expected_path.resolve().as_posix()
        manifest.append(f"{sample.language}\t{sample.name}\t"
                        f"{path.resolve().as_posix()}\t{expected}")
    write_if_changed(pathlib.Path(options.manifest), "".join(m + "\n" for m in manifest))
    return 0


def command_check(options):
    samples, problems = collect(options.guides)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"{len(samples)} samples; every C, Python and Ruby block is marked")
    return 0


def prose_lines(path, problems):
    """The lines of a Markdown file outside code blocks, with their numbers."""
    code_lines = set()
    for block in read_blocks(path, problems):
        code_lines.update(range(block.line, block.line + len(block.text) + 2))
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(number, line) for number, line in enumerate(lines, 1)
            if number not in code_lines]


def anchors(path, problems):
    """The anchors GitHub gives the headings of a Markdown file."""
    found = set()
    for _, line in prose_lines(path, problems):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            text = re.sub(r"[^\w\- ]", "", heading[1].lower())
            found.add(text.replace(" ", "-"))
    return found


def command_links(options):
    problems = []
    checked = 0
    for path in guides(options.files):
        for number, line in prose_lines(path, problems):
            for target in LINK.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                    continue
                checked += 1
                file_part, _, anchor = target.partition("#")
                linked = path.parent / file_part if file_part else path
                if not linked.exists():
                    problems.append(f"{path}:{number}: link to {target}: no such file")
                elif anchor and linked.suffix == ".md" and \
                        anchor not in anchors(linked, problems):
                    problems.append(f"{path}:{number}: link to {target}: no such "
                                    "heading")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"{checked} relative links, every one to a file or heading that exists")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="write the samples of the guides")
    extract.add_argument("--out", required=True, help="directory for the samples")
    extract.add_argument("--manifest", required=True, help="list of samples to write")
    extract.add_argument("guides", nargs="+")

    check = commands.add_parser("check", help="check the marks of every code block")
    check.add_argument("guides", nargs="+")

    links = commands.add_parser("links", help="check relative Markdown links")
    links.add_argument("files", nargs="+")

    options = parser.parse_args()
    if options.command == "extract":
        return command_extract(options)
    if options.command == "check":
        return command_check(options)
    return command_links(options)


if __name__ == "__main__":
    sys.exit(main())
