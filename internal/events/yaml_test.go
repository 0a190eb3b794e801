package events

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// item is an event as an item of a block list at indent spaces.
func item(id string, indent int) string {
	pad := strings.Repeat(" ", indent)
	lines := strings.Split(strings.TrimRight(fmt.Sprintf(oneEvent, id), "\n"), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = pad + "- " + lines[i]
		} else {
			lines[i] = pad + "  " + lines[i]
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

func decodeYAML(t *testing.T, text string) string {
	t.Helper()
	recs, _ := decodeAll(t, Input{Name: "t.yaml", Reader: strings.NewReader(text), Format: YAML}, DefaultLimits)
	return summary(recs)
}

// TestYAMLSyntaxErrorKeepsEventsBefore pins what a YAML syntax error keeps: the documents before
// the broken one, and the items of a block list (top-level, or under events:) that come before
// the item where the error is, or before the line between items where it is; it loses the rest,
// counted as one rejected event.
func TestYAMLSyntaxErrorKeepsEventsBefore(t *testing.T) {
	const mapping = "mapping values are not allowed in this context (the rest of the input is not read)"
	tests := []struct {
		name, text, want string
	}{
		{"third item of a list",
			item("a", 0) + item("b", 0) + "- id: c\n  summary: x: y\n" + item("d", 0),
			"a@1 b@8 !16:invalid YAML: " + mapping},
		{"third item of events:",
			"events:\n" + item("a", 2) + item("b", 2) + "  - id: c\n    summary: x: y\n" + item("d", 2),
			"a@2 b@9 !17:invalid YAML: " + mapping},
		{"an indentless list under events:",
			"events:\n" + item("a", 0) + "- id: c\n  summary: x: y\n",
			"a@2 !10:invalid YAML: " + mapping},
		{"expect after the events",
			"events:\n" + item("a", 2) + item("b", 2) + "expect:\n  a: {rules: [x]\n",
			"a@2 b@9 !17:invalid YAML: did not find expected ',' or '}' (the rest of the input is not read)"},
		{"the first item",
			"- id: c\n  summary: x: y\n" + item("d", 0),
			"!2:invalid YAML: " + mapping},
		{"a second document",
			fmt.Sprintf(oneEvent, "a") + "---\n" + item("b", 0) + "- id: c\n  summary: x: y\n",
			"a@1 b@9 !17:invalid YAML: " + mapping},
		{"an unclosed quote, the items after it inside it",
			item("a", 0) + "- id: b\n  summary: \"open\n" + item("c", 0) + item("d", 0),
			"a@1 !9:invalid YAML: found unexpected end of stream (the rest of the input is not read)"},
		// yaml.v3 finds an error on the first line of a document while it ends the one before:
		// that one is whole all the same, closed by "..." or not.
		{"an error right after a list's document",
			"- id: a\n- id: b\n---\n{@ id: c}\n",
			"a@1 b@2 !4:invalid YAML: found character that cannot start any token (the rest of the input is not read)"},
		{"an error right after an event's document",
			"id: a\n---\n@id: c\n",
			"a@1 !3:invalid YAML: found character that cannot start any token (the rest of the input is not read)"},
		{"an error on the marker line",
			"id: a\n--- @id: c\n",
			"a@1 !2:invalid YAML: found character that cannot start any token (the rest of the input is not read)"},
		{"an error right after a document closed by ...",
			"id: a\n...\n@id: c\n",
			"a@1 !3:invalid YAML: found character that cannot start any token (the rest of the input is not read)"},
		{"an error right after the documents, then a list",
			item("a", 0) + "---\n" + item("b", 0) + "- id: c\n  summary: x: y\n",
			"a@1 b@9 !17:invalid YAML: " + mapping},
		// The quote left open in c closes at the first quote of line 9, so yaml.v3 reports the
		// error there: every cut from c's quote to line 9 is inside the quoted scalar.
		{"a quote left open, closed by a later one",
			"- id: a\n- id: b\n- id: c\n  note: \"oops\n- id: d\n- id: e\n- id: f\n- id: g\n  summary: \"x: y\"\n",
			"a@1 b@2 !9:invalid YAML: " + mapping},
		{"a single quote left open, closed by a later one",
			item("a", 0) + "- id: c\n  note: 'oops\n" + item("d", 0) + "- id: e\n  summary: 'x: y'\n",
			"a@1 !18:invalid YAML: " + mapping},
		// A line in the list's column that is not an item ends the item before it.
		{"a key between items",
			"- id: a\n- id: b\nx: 1\n- id: c\n",
			"a@1 b@2 !3:invalid YAML: did not find expected '-' indicator (the rest of the input is not read)"},
		// The list of the first events: is at column 3, as are the many lines of c: they cannot
		// end it, being after the second events:, and are skipped unparsed.
		{"the second events: of a mapping",
			"events:\n" + item("a", 2) + "events:\n" + item("b", 0) + "- id: c\n" + strings.Repeat("  k: v\n", 12) + "  summary: x: y\n",
			"a@2 b@10 !30:invalid YAML: " + mapping},
		// Lost whole: an event that is a document of its own, and a flow list.
		{"one event",
			"id: a\ntype: meeting\nsummary: x: y\n",
			"!3:invalid YAML: " + mapping},
		{"a flow list",
			"[{id: a}, {id: b}, {id: c\n",
			"!2:invalid YAML: did not find expected ',' or '}' (the rest of the input is not read)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeYAML(t, tt.text); got != tt.want {
				t.Errorf("got  %s\nwant %s\ninput:\n%s", got, tt.want, tt.text)
			}
		})
	}
}

// TestYAMLSalvageNeverInvents feeds lists whose broken item is followed by text that looks like
// items: the part before a cut is read only when it stands alone, so no event that a reader of
// the whole file would not see comes out.
func TestYAMLSalvageNeverInvents(t *testing.T) {
	tests := []struct{ text, want string }{
		// "- id: fake" is inside the block scalar of b: the cut before it is not in column 1.
		{item("a", 0) + "- id: b\n  x: |\n    text\n    - id: fake\n  bad: : :\n",
			"a@1 !12:invalid YAML: mapping values are not allowed in this context (the rest of the input is not read)"},
		// "- id: fake" is inside b's single-quoted scalar, which is never closed.
		{item("a", 0) + "- id: b\n  x: 'text\n- id: fake\n",
			"a@1 !9:invalid YAML: found unexpected end of stream (the rest of the input is not read)"},
		// "- id: fake" is inside b's double-quoted scalar, closed further on: the cut before it
		// parses only as far as the quote.
		{item("a", 0) + "- id: b\n  x: \"text\n- id: fake\n  y\"\n  bad: x: y\n",
			"a@1 !12:invalid YAML: mapping values are not allowed in this context (the rest of the input is not read)"},
		// A comment in the first column does not end b, whose next line is further in.
		{item("a", 0) + "- id: b\n# a comment\n  type: meeting\n  bad: x: y\n",
			"a@1 !11:invalid YAML: mapping values are not allowed in this context (the rest of the input is not read)"},
		// Nor does a line in the first column that YAML refuses: b may go on after it.
		{item("a", 0) + "- id: b\n  x: |\n    text\n\x00\n  y: 1\n",
			"a@1 !11:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		{item("a", 0) + "- id: b\n\x00 type: meeting\n",
			"a@1 !9:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		// A lone CR ends a line, as YAML counts them: after the comment, b goes on.
		{item("a", 0) + "- id: b\n# a comment\r  bad: x: y\n- id: c\n",
			"a@1 !10:invalid YAML: mapping values are not allowed in this context (the rest of the input is not read)"},
		{item("a", 0) + "- id: b\u2028\x00\u2028  type: meeting\n",
			"a@1 !9:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		// A line indented with a tab may be further in than the list.
		{item("a", 0) + "- id: b\n  type: meeting\n\tnote: x\n- id: c\n",
			"a@1 !9:invalid YAML: found a tab character that violates indentation (the rest of the input is not read)"},
	}
	for _, tt := range tests {
		if got := decodeYAML(t, tt.text); got != tt.want {
			t.Errorf("got  %s\nwant %s\ninput:\n%s", got, tt.want, tt.text)
		}
	}
}

// TestYAMLControlCharacter: a NUL (or another character YAML refuses) is reported at its line
// and column, and the events before its item are kept.
func TestYAMLControlCharacter(t *testing.T) {
	tests := []struct{ text, want string }{
		{item("a", 0) + "- id: b\n  summary: ab\x00c\n",
			"a@1 !9:14:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		{"id: a\nsummary: \"é\x01\"\n", "!2:12:invalid YAML: the control character U+0001 is not allowed in YAML text (the rest of the input is not read)"},
		// A document closed before the character's line is whole.
		{fmt.Sprintf(oneEvent, "a") + "...\n\x00\n", "a@1 !9:1:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		{fmt.Sprintf(oneEvent, "a") + "--- \x00\n", "a@1 !8:5:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		// Not closed: the document may go on past the character, so it is lost.
		{fmt.Sprintf(oneEvent, "a") + "\x7f\n", "!8:1:invalid YAML: the control character U+007F is not allowed in YAML text (the rest of the input is not read)"},
		// Between items, in the list's column or further out: the item before it is whole.
		{"- id: a\n- id: b\n\x00\n- id: c\n", "a@1 b@2 !3:1:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		{"- id: a\n- id: b\n# \x00\n- id: c\n", "a@1 b@2 !3:3:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		{"events:\n  - id: a\n  - id: b\n\x00\n  - id: c\n", "a@2 b@3 !4:1:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		{"events:\n  - id: a\n  - id: b\n  \x00\nexpect: {}\n", "a@2 b@3 !4:3:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		{item("a", 0) + "\x00\n---\n" + item("b", 0), "a@1 !8:1:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		// Further in than the list, the line may go on with b: b is lost.
		{"- id: a\n- id: b\n  \x00\n- id: c\n", "a@1 !3:3:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
		// In a flow list, the list is lost whole.
		{"[{id: a},\n{id: b},\n\x00\n{id: c}]\n", "!3:1:invalid YAML: the control character U+0000 is not allowed in YAML text (the rest of the input is not read)"},
	}
	for _, tt := range tests {
		recs, _ := decodeAll(t, Input{Name: "t.yaml", Reader: strings.NewReader(tt.text), Format: YAML}, DefaultLimits)
		var parts []string
		for _, r := range recs {
			if r.Event != nil {
				parts = append(parts, r.Event.ID+"@"+itoa(r.Event.Pos.Line))
			} else {
				parts = append(parts, fmt.Sprintf("!%d:%d:%s", r.Problem.Line, r.Problem.Column, r.Problem.Message))
			}
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

// TestYAMLUnknownAnchorLine: yaml.v3 names an unknown anchor without its line; the tool finds it.
func TestYAMLUnknownAnchorLine(t *testing.T) {
	got := decodeYAML(t, item("a", 0)+"- id: b\n  sources: *nowhere\n")
	want := "a@1 !9:invalid YAML: unknown anchor 'nowhere' referenced (the rest of the input is not read)"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestYAMLDuplicateTopLevelKey: a repeated events: is an error of the file, and both lists are read.
func TestYAMLDuplicateTopLevelKey(t *testing.T) {
	recs, file := decodeAll(t, Input{Name: "t.yaml", Reader: strings.NewReader("events:\n" + item("a", 2) + "events:\n" + item("b", 2)), Format: YAML}, DefaultLimits)
	if got := summary(recs); got != "a@2 b@10" {
		t.Errorf("records %s", got)
	}
	if len(file.Problems) != 1 || !strings.Contains(file.Problems[0].Error(), `t.yaml:9:1: duplicate top-level key "events"`) {
		t.Errorf("problems %v", file.Problems)
	}
}

// TestYAMLBillionLaughs: the corpus's alias bomb is still refused by limits.max_values, and a
// file of many events that each expand one large anchor is cut off by the input's alias budget
// (limits.max_values plus its size in bytes), every event counted.
func TestYAMLBillionLaughs(t *testing.T) {
	ar, err := txtar.ParseFile("../../testdata/badinput/35-billion-laughs.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var bomb string
	for _, f := range ar.Files {
		if f.Name == "in/bomb.yaml" {
			bomb = string(f.Data)
		}
	}
	if got := decodeYAML(t, bomb); !strings.Contains(got, "more than 100000 values, aliases expanded (limits.max_values): refused") {
		t.Errorf("the bomb: %s", got)
	}

	// An anchor of 11,111 values (10 + 100 + 1,000 + 10,000 + the lists), each event using it.
	var b strings.Builder
	b.WriteString("- id: e0\n  type: meeting\n  x:\n")
	b.WriteString("    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n")
	b.WriteString("    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n")
	const n = 2000
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "- {id: e%d, x: *d}\n", i)
	}
	recs, _ := decodeAll(t, Input{Name: "t.yaml", Reader: strings.NewReader(b.String()), Format: YAML}, DefaultLimits)
	if len(recs) != n {
		t.Fatalf("%d records for %d events", len(recs), n)
	}
	budget := DefaultLimits.MaxValues + b.Len()
	spent, decoded := 0, 0
	for _, r := range recs {
		if r.Event != nil {
			decoded++
			continue
		}
		if !strings.Contains(r.Problem.Message, fmt.Sprintf("aliases in this input expand to more than %d values (limits.max_values plus the input's size in bytes): refused", budget)) {
			t.Fatalf("%s: %s", r.Problem.EventID, r.Problem.Message)
		}
	}
	// e0 expands 12,330 values through aliases (110 in b, 1,110 in c, 11,110 in d); each other
	// event 11,111 (d and what it holds); an alias itself is not a value.
	spent = 12330 + (decoded-1)*11111
	if decoded < 2 || spent > budget || spent+11111 <= budget {
		t.Errorf("%d events decoded (%d values from aliases), with a budget of %d", decoded, spent, budget)
	}
}

// TestYAMLBillionLaughsCorpusFile keeps the test above reading the real corpus case.
func TestYAMLBillionLaughsCorpusFile(t *testing.T) {
	if _, err := os.Stat("../../testdata/badinput/35-billion-laughs.txtar"); err != nil {
		t.Fatal(err)
	}
}
