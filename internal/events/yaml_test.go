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
// the item where the error is; it loses the rest, counted as one rejected event.
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
