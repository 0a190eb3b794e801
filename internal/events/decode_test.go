package events

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

const oneEvent = `id: %s
type: meeting
date: 2024-01
summary: s
claims: [{status: reported, by: {country: US}}]
sources: [{id: s, publisher: p}]
evidence: [{quote: q, source: s}]
`

func decodeAll(t *testing.T, in Input, lim Limits) ([]Record, *File) {
	t.Helper()
	var recs []Record
	file, err := Decode(context.Background(), in, lim, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return recs, file
}

// summary renders records as "id@line" for events and "!line:message" for rejections.
func summary(recs []Record) string {
	var parts []string
	for _, r := range recs {
		if r.Event != nil {
			parts = append(parts, r.Event.ID+"@"+itoa(r.Event.Pos.Line))
		} else {
			parts = append(parts, "!"+itoa(r.Problem.Line)+":"+r.Problem.Message)
		}
	}
	return strings.Join(parts, " ")
}

func itoa(i int) string { return strconv.Itoa(i) }

// secondText is what a second top-level JSON value gets: rejected, counted, never dropped.
const secondText = "invalid JSON: a second top-level value: it and the rest of the input are not read (a JSON input holds one value; NDJSON holds one event per line)"

var second = "!1:" + secondText

func TestDecodeShapes(t *testing.T) {
	ev := func(id string) string { return strings.ReplaceAll(oneEvent, "%s", id) }
	indent := func(s string) string {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		for i := range lines {
			if i == 0 {
				lines[i] = "  - " + lines[i]
			} else {
				lines[i] = "    " + lines[i]
			}
		}
		return strings.Join(lines, "\n") + "\n"
	}
	tests := []struct {
		name   string
		format Format
		text   string
		want   string
	}{
		{"yaml single", YAML, ev("a"), "a@1"},
		{"yaml list", YAML, "- {id: a}\n- id: b\n  type: meeting\n", "a@1 b@2"},
		{"yaml events key", YAML, "events:\n" + indent(ev("a")) + indent(ev("b")), "a@2 b@9"},
		{"yaml documents", YAML, ev("a") + "---\n" + ev("b"), "a@1 b@9"},
		{"yaml empty document skipped", YAML, "---\n---\n" + ev("a"), "a@3"},
		{"yaml not an event", YAML, "- just a string\n", "!1:an event must be an object, not a string"},
		{"yaml syntax error", YAML, "id: a\n  bad: [\n", "!2:invalid YAML: mapping values are not allowed in this context (the rest of the input is not read)"},
		{"json object", JSON, `{"id": "a"}`, "a@1"},
		{"json array", JSON, "[\n {\"id\": \"a\"},\n {\"id\": \"b\"}\n]", "a@2 b@3"},
		{"json events key", JSON, "{\"expect\": {},\n \"events\": [\n  {\"id\": \"a\"}]}", "a@3"},
		{"json truncated", JSON, "[{\"id\": \"a\"}, {\"id\": ", "a@1 !1:invalid JSON: the input ends in the middle of a value (the rest of the input is not read)"},
		{"json trailing data", JSON, `{"id": "a"} {"id": "b"}`, "a@1 " + second},
		{"json two empty objects", JSON, `{}{}`, "@1 " + second},
		{"json data after an array", JSON, "[{\"id\": \"a\"}]\n[{\"id\": \"b\"}]", "a@1 !2:" + secondText},
		{"json events repeated", JSON, "{\"events\": [{\"id\": \"a\"}],\n \"events\": [{\"id\": \"b\"}]}", "a@1 b@2"},
		{"json expect after events", JSON, "{\"events\": [{\"id\": \"a\"}], \"expect\": {\"a\": []}, \"events2\": 1}", "a@1 !1:events2: want an array of events"},
		{"json duplicate key in an event", JSON, "[{\"id\": \"a\"},\n {\"id\": \"b\", \"type\": \"x\", \"type\": \"y\"},\n {\"id\": \"c\"}]",
			"a@1 !2:duplicate key at /type: a JSON object must not repeat a key (readers disagree on which copy counts): refused c@3"},
		{"json duplicate key deep in an event", JSON, `{"id": "a", "parties": {"from": {"state": "KP", "state": "RU"}}}`,
			"!1:duplicate key at /parties/from/state: a JSON object must not repeat a key (readers disagree on which copy counts): refused"},
		{"ndjson duplicate key", NDJSON, "{\"id\": \"a\"}\n{\"id\": \"b\", \"id\": \"c\"}\n{\"id\": \"d\"}\n",
			"a@1 !2:duplicate key at /id: a JSON object must not repeat a key (readers disagree on which copy counts): refused d@3"},
		// A lone surrogate escape before the repeated key once stopped the check (found by the
		// property test): the event came out with the last copy of "type".
		{"ndjson duplicate key after a lone surrogate", NDJSON, "{\"id\": \"a\", \"s\": \"\\ud800\", \"type\": \"transfer\", \"type\": \"meeting\"}\n",
			"!1:duplicate key at /type: a JSON object must not repeat a key (readers disagree on which copy counts): refused"},
		{"json duplicate key after a lone surrogate", JSON, "[{\"id\": \"a\", \"s\": \"\\ud800\", \"type\": \"transfer\", \"type\": \"meeting\"}, {\"id\": \"b\"}]",
			"!1:duplicate key at /type: a JSON object must not repeat a key (readers disagree on which copy counts): refused b@1"},
		// A syntax error inside the events of a wrapper is one rejection (it was once two).
		{"json wrapper with a missing comma", JSON, "{\"events\": [{\"id\": \"a\"} {\"id\": \"b\"}]}",
			"a@1 !1:invalid JSON: invalid character '{' after array element (expecting ',' or ']') (the rest of the input is not read)"},
		{"json wrapper cut short", JSON, "{\"events\": [{\"id\": \"a\"}, {\"id\": \"b\"}",
			"a@1 b@1 !1:invalid JSON: the input ends in the middle of a value (the rest of the input is not read)"},
		{"json wrapper with no value", JSON, "{\"events\": ", "!1:invalid JSON: the input ends in the middle of a value (the rest of the input is not read)"},
		{"json a lone surrogate is read as NDJSON reads it", JSON, "[{\"id\": \"a\", \"s\": \"\\ud800\"}, {\"id\": \"b\"}]", "a@1 b@1"},
		{"ndjson", NDJSON, "{\"id\": \"a\"}\n\n{\"id\": \"b\"}\n", "a@1 b@3"},
		{"ndjson no final newline", NDJSON, "{\"id\": \"a\"}\n{\"id\": \"b\"}", "a@1 b@2"},
		{"ndjson two values on a line", NDJSON, "{\"id\": \"a\"} {\"id\": \"b\"}\n", "!1:invalid JSON: unexpected data after the top-level value (one event per line)"},
		{"ndjson bad line between good ones", NDJSON, "{\"id\": \"a\"}\n{\"id\": \n{\"id\": \"c\"}\n", "a@1 !2:invalid JSON: the line ends in the middle of a value c@3"},
		{"bom and crlf", YAML, "\ufeffid: a\r\ntype: meeting\r\n", "a@1"},
		{"ndjson bom", NDJSON, "\ufeff{\"id\": \"a\"}\r\n", "a@1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, _ := decodeAll(t, Input{Name: "f", Reader: strings.NewReader(tt.text), Format: tt.format, Sections: []string{"events", "events2"}}, DefaultLimits)
			if got := summary(recs); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// The wrapper is read to its end: a repeated or unknown key anywhere in it is a problem of the
// file (and the events under a repeated section key are all read).
func TestDecodeWrapperProblems(t *testing.T) {
	for _, tt := range []struct {
		name, text, events string
		problems           []string
	}{
		{"repeated events", "{\"events\": [{\"id\": \"a\"}],\n \"events\": [{\"id\": \"b\"}]}", "a@1 b@2",
			[]string{`2:2: duplicate top-level key "events": a JSON object must not repeat a key (other JSON readers keep only the last); the events under each are read`}},
		{"unknown key after events", `{"events": [{"id": "a"}], "evnets": [{"id": "b"}]}`, "a@1",
			[]string{`1:27: unknown top-level key "evnets" (want events, expect)`}},
		{"repeated expect", `{"events": [{"id": "a"}], "expect": {}, "expect": {}}`, "a@1",
			[]string{`1:41: duplicate top-level key "expect": a JSON object must not repeat a key (other JSON readers keep only the last); the events under each are read`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			recs, f := decodeAll(t, Input{Name: "f", Reader: strings.NewReader(tt.text), Format: JSON}, DefaultLimits)
			if got := summary(recs); got != tt.events {
				t.Errorf("events %s, want %s", got, tt.events)
			}
			var got []string
			for _, p := range f.Problems {
				got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.Message))
			}
			if strings.Join(got, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.problems, "\n"))
			}
		})
	}
}

func TestDecodeExpect(t *testing.T) {
	text := "events:\n  - {id: a}\nexpect:\n  a: {rules: [DPRK-ARMS-EXPORT]}\n  b: {rules: []}\n"
	_, file := decodeAll(t, Input{Name: "f", Reader: strings.NewReader(text), Format: YAML}, DefaultLimits)
	if len(file.Problems) != 0 {
		t.Fatalf("problems: %v", file.Problems)
	}
	if got := file.Expect["a"].Rules; len(got) != 1 || got[0] != "DPRK-ARMS-EXPORT" {
		t.Errorf("expect a: %v", got)
	}
	if got, ok := file.Expect["b"]; !ok || len(got.Rules) != 0 || got.Pos.Line != 5 {
		t.Errorf("expect b: %+v", got)
	}
}

func TestDecodeFileProblems(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown top-level key", "events: []\nexpected: {}\n", `f:2:1: unknown top-level key "expected" (want events, expect)`},
		{"bad expect entry", "events: [{id: a}]\nexpect:\n  a: {rule: [X]}\n", `f:3:7: field expect.a.rule: unknown key "rule" (want rules, exempted, verdicts)`},
		{"only comments", "# nothing\n", "f: no events in this input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, file := decodeAll(t, Input{Name: "f", Reader: strings.NewReader(tt.text), Format: YAML}, DefaultLimits)
			if len(file.Problems) != 1 || file.Problems[0].Error() != tt.want {
				t.Errorf("got %v, want %s", file.Problems, tt.want)
			}
		})
	}
}

func TestDecodeLimits(t *testing.T) {
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nid: bomb\n"
	tests := []struct {
		name   string
		format Format
		text   string
		lim    Limits
		want   string
	}{
		{"alias expansion", YAML, laughs, DefaultLimits, "!1:more than 100000 values, aliases expanded (limits.max_values): refused"},
		{"nesting", JSON, `{"id": "a", "x": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, DefaultLimits, "!1:nested deeper than 32 levels (limits.max_depth): refused"},
		{"events per file", NDJSON, "{\"id\": \"a\"}\n{\"id\": \"b\"}\n{\"id\": \"c\"}\n", Limits{MaxFileBytes: 1 << 20, MaxEventBytes: 1 << 20, MaxDepth: 8, MaxValues: 100, MaxEvents: 2},
			"a@1 b@2 !3:more than 2 events in one input (limits.max_events): the rest is not read"},
		{"line length", NDJSON, "{\"id\": \"" + strings.Repeat("x", 100) + "\"}\n{\"id\": \"b\"}\n", Limits{MaxFileBytes: 1 << 20, MaxEventBytes: 50, MaxDepth: 8, MaxValues: 100},
			"!1:line longer than 50 bytes (limits.max_event_bytes): refused b@2"},
		{"file size", YAML, strings.Repeat("# padding\n", 100), Limits{MaxFileBytes: 100, MaxEventBytes: 100, MaxDepth: 8, MaxValues: 100},
			"!0:larger than 100 bytes (limits.max_file_bytes); use NDJSON to stream large inputs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, _ := decodeAll(t, Input{Name: "f", Reader: strings.NewReader(tt.text), Format: tt.format}, tt.lim)
			if got := summary(recs); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestLocateJSON(t *testing.T) {
	data := []byte("{\n  \"id\": \"a\",\n  \"items\": [\n    {\"description\": \"x\", \"quantity\": {\"value\": \"many\"}}\n  ]\n}")
	tests := []struct {
		path      []string
		key       bool
		line, col int
	}{
		{nil, false, 1, 1},
		{[]string{"id"}, false, 2, 9},
		{[]string{"id"}, true, 2, 3},
		{[]string{"items", "0", "quantity", "value"}, false, 4, 48},
		{[]string{"items", "5"}, false, 3, 12}, // past the end: the deepest value found
	}
	for _, tt := range tests {
		l, c := lineCol(data, locateJSON(data, tt.path, tt.key))
		if l != tt.line || c != tt.col {
			t.Errorf("%v key=%v: got %d:%d, want %d:%d", tt.path, tt.key, l, c, tt.line, tt.col)
		}
	}
}
