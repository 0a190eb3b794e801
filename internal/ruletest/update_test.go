package ruletest

import (
	"strings"
	"testing"
)

func TestUpdateExpect(t *testing.T) {
	const head = "# a fixture\nevents:\n  - id: a   # keep me\n    type: meeting\n  - id: b\n  - id: c\n"
	tests := []struct {
		name, in, want string
		fired          map[string][]string
		order          []string
	}{
		{
			name:  "flow list changed in place, comments kept",
			in:    head + "expect:\n  a: {rules: [X]}   # why\n  b: {rules: []}\n  c: {rules: [Z]}\n",
			fired: map[string][]string{"a": {"X", "Y"}, "b": {}, "c": {"Z"}},
			order: []string{"a", "b", "c"},
			want:  head + "expect:\n  a: {rules: [X, Y]}   # why\n  b: {rules: []}\n  c: {rules: [Z]}\n",
		},
		{
			name:  "block style stays block style",
			in:    head + "expect:\n  a:\n    rules:\n      - X\n      - W\n  b:\n    rules: []\n",
			fired: map[string][]string{"a": {"X"}, "b": {}},
			order: []string{"a", "b"},
			want:  head + "expect:\n  a:\n    rules:\n      - X\n  b:\n    rules: []\n",
		},
		{
			name:  "missing expectations are added, stale ones removed",
			in:    head + "expect:\n  a: {rules: []}\n  gone: {rules: [X]}\n",
			fired: map[string][]string{"a": {}, "b": {"Y"}, "c": {}},
			order: []string{"a", "b", "c"},
			want:  head + "expect:\n  a: {rules: []}\n  b: {rules: [Y]}\n  c: {rules: []}\n",
		},
		{
			name:  "no expect block yet",
			in:    head,
			fired: map[string][]string{"a": {"X"}, "b": {}, "c": {}},
			order: []string{"a", "b", "c"},
			want:  head + "\nexpect:\n  a: {rules: [X]}\n  b: {rules: []}\n  c: {rules: []}\n",
		},
		{
			name:  "an empty flow expect block",
			in:    head + "expect: {}\n",
			fired: map[string][]string{"a": {"X"}, "b": {}, "c": {}},
			order: []string{"a", "b", "c"},
			want:  head + "expect:\n  a: {rules: [X]}\n  b: {rules: []}\n  c: {rules: []}\n",
		},
		{
			name:  "unchanged file stays byte for byte",
			in:    head + "expect:\n  a:   {rules: [ X ,Y ]}\n  b: {rules: []}\n  c: {rules: []}\n",
			fired: map[string][]string{"a": {"X", "Y"}, "b": {}, "c": {}},
			order: []string{"a", "b", "c"},
			want:  head + "expect:\n  a:   {rules: [ X ,Y ]}\n  b: {rules: []}\n  c: {rules: []}\n",
		},
		{
			name:  "a flow expect block has its lists edited",
			in:    head + "expect: {a: {rules: [X]}, b: {rules: []}}  # all\n",
			fired: map[string][]string{"a": {"Y"}, "b": {"Z"}},
			order: []string{"a", "b"},
			want:  head + "expect: {a: {rules: [Y]}, b: {rules: [Z]}}  # all\n",
		},
		{
			name:  "an expectation without rules gets them, beside what it says",
			in:    head + "expect:\n  a: {exempted: [E]}  # exempted\n  b:\n    exempted: [E]\n",
			fired: map[string][]string{"a": {"X"}, "b": {"Y"}},
			order: []string{"a", "b"},
			want:  head + "expect:\n  a: {rules: [X], exempted: [E]}  # exempted\n  b:\n    exempted: [E]\n    rules: [Y]\n",
		},
		{
			name:  "a stale flow list over several lines goes whole",
			in:    head + "expect:\n  a: {rules: []}\n  gone: {rules: [\n    X,\n  ]}\n  b: {rules: []}\n",
			fired: map[string][]string{"a": {}, "b": {}},
			order: []string{"a", "b"},
			want:  head + "expect:\n  a: {rules: []}\n  b: {rules: []}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := UpdateExpect([]byte(tt.in), tt.fired, tt.order)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestUpdateExpectKeepsComments puts a comment at every place YAML allows one in an expect
// block (head, line and foot comments, on mapping keys and on list items, in block and flow
// style) and requires each to survive an update that edits the entry it is on; only the comment
// at the end of the line of an item that goes goes with it.
func TestUpdateExpectKeepsComments(t *testing.T) {
	const events = "events:\n  - id: a\n  - id: b\n"
	fired := map[string][]string{"a": {"X", "Y"}, "b": {}}
	order := []string{"a", "b"}
	tests := []struct {
		name, in, want string
	}{
		{
			name: "head comment on an entry's key",
			in:   "expect:\n  # about a\n  a: {rules: [X]}\n  b: {rules: []}\n",
			want: "expect:\n  # about a\n  a: {rules: [X, Y]}\n  b: {rules: []}\n",
		},
		{
			name: "line comment on an entry's key, flow value",
			in:   "expect:\n  a: {rules: [W]}  # about a\n  b: {rules: []}\n",
			want: "expect:\n  a: {rules: [X, Y]}  # about a\n  b: {rules: []}\n",
		},
		{
			name: "line comment on an entry's key, block value",
			in:   "expect:\n  a:  # about a\n    rules: [X]\n  b: {rules: []}\n",
			want: "expect:\n  a:  # about a\n    rules: [X, Y]\n  b: {rules: []}\n",
		},
		{
			name: "head and line comments on the rules key",
			in:   "expect:\n  a:\n    # the rules\n    rules:  # sorted\n      - X\n  b: {rules: []}\n",
			want: "expect:\n  a:\n    # the rules\n    rules:  # sorted\n      - X\n      - Y\n  b: {rules: []}\n",
		},
		{
			name: "foot comment of the expect block, with an entry added",
			in:   "expect:\n  b: {rules: []}\n  # the end\n",
			want: "expect:\n  b: {rules: []}\n  a: {rules: [X, Y]}\n  # the end\n",
		},
		{
			name: "head comment on a block item",
			in:   "expect:\n  a:\n    rules:\n      # X because\n      - X\n  b: {rules: []}\n",
			want: "expect:\n  a:\n    rules:\n      # X because\n      - X\n      - Y\n  b: {rules: []}\n",
		},
		{
			name: "line comment on a block item",
			in:   "expect:\n  a:\n    rules:\n      - X  # X because\n  b: {rules: []}\n",
			want: "expect:\n  a:\n    rules:\n      - X  # X because\n      - Y\n  b: {rules: []}\n",
		},
		{
			name: "foot comment after the last block item",
			in:   "expect:\n  a:\n    rules:\n      - X\n      # no more\n  b: {rules: []}\n",
			want: "expect:\n  a:\n    rules:\n      - X\n      - Y\n      # no more\n  b: {rules: []}\n",
		},
		{
			name: "comments on a block item that goes: its line goes, the comment lines stay",
			in:   "expect:\n  a:\n    rules:\n      - X\n      # W was\n      - W  # W because\n      - Y\n  b: {rules: []}\n",
			want: "expect:\n  a:\n    rules:\n      - X\n      # W was\n      - Y\n  b: {rules: []}\n",
		},
		{
			name: "every block item goes",
			in:   "expect:\n  a: {rules: [X, Y]}\n  b:\n    rules:  # b's\n      # none\n      - W  # gone\n",
			want: "expect:\n  a: {rules: [X, Y]}\n  b:\n    rules: []  # b's\n      # none\n",
		},
		{
			name: "line comment after a one-line flow list in a block mapping",
			in:   "expect:\n  a:\n    rules: [X]  # about the list\n  b: {rules: []}\n",
			want: "expect:\n  a:\n    rules: [X, Y]  # about the list\n  b: {rules: []}\n",
		},
		{
			name: "head, line and foot comments on flow items over several lines",
			in:   "expect:\n  a: {rules: [\n    # X because\n    X,  # X's line\n    W  # W's line\n    # no more\n  ]}  # a's\n  b: {rules: []}\n",
			want: "expect:\n  a: {rules: [\n    # X because\n    X,  # X's line\n    Y\n    # no more\n  ]}  # a's\n  b: {rules: []}\n",
		},
		{
			name: "comment after the opening bracket of a flow list, which yaml.v3 does not give",
			in:   "expect:\n  a:\n    rules: [  # opening\n      X,\n    ]\n  b: {rules: []}\n",
			want: "expect:\n  a:\n    rules: [  # opening\n      X,\n      Y\n    ]\n  b: {rules: []}\n",
		},
		{
			name: "several flow items a line",
			in:   "expect:\n  a: {rules: [W, X,  # both\n               Z]}\n  b: {rules: []}\n",
			want: "expect:\n  a: {rules: [\n    X,  # both\n    Y\n  ]}\n  b: {rules: []}\n",
		},
		{
			name: "comments in an entry that goes stay, its lines go",
			in:   "expect:\n  a: {rules: [X, Y]}\n  # gone was\n  gone:  # gone's\n    rules: [X]\n  b: {rules: []}\n",
			want: "expect:\n  a: {rules: [X, Y]}\n  # gone was\n  b: {rules: []}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := UpdateExpect([]byte(events+tt.in), fired, order)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != events+tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, events+tt.want)
			}
		})
	}
}

func TestUpdateExpectRefusesOtherShapes(t *testing.T) {
	for in, want := range map[string]string{
		"events: []\nexpect: [a]\n":                                 "line 2: expect must be a mapping",
		"events: []\nexpect:\n  a: {rules: X}\n":                    "line 3: the expectation of a must be {rules: [...]}",
		"events: []\nexpect: {b: {rules: []}}\n":                    "line 2: expect is a flow mapping",
		"events: []\nexpect: {a: {rules: []}, gone: {rules: []}}\n": "line 2: expect is a flow mapping",
		"events: []\nexpect:\n  a:\n    rules:\n      - - Y\n":      "line 5: cannot edit this rules list item by item",
	} {
		_, err := UpdateExpect([]byte(in), map[string][]string{"a": {"Z"}}, []string{"a"})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", in, err, want)
		}
	}
	_, err := UpdateExpect([]byte("- id: a\n"), map[string][]string{"a": {}}, []string{"a"})
	if err == nil || !strings.Contains(err.Error(), "events: [...]") {
		t.Errorf("got %v", err)
	}
}

// TestCheckExpect: a rewrite is read back, and refused when its expect block does not say what
// the rules fire.
func TestCheckExpect(t *testing.T) {
	fired := map[string][]string{"a": {"X", "Y"}, "b": {}}
	tests := []struct {
		in, err string
	}{
		{"expect:\n  a: {rules: [Y, X]}\n  b: {rules: []}\n", ""},
		{"expect:\n  a: {rules: [X, Y]}\n  b: {}\n", ""},
		{"expect:\n  a: {rules: [X]}\n  b: {rules: []}\n", "would say [X] for a, not [X Y]"},
		{"expect:\n  a: {rules: [X, Y]}\n", "would have no expectation for b"},
		{"expect:\n  a: {rules: [X, Y]}\n  b: {rules: []}\n  c: {rules: []}\n", "would still hold c"},
		{"expect:\n  a: {rules: [X, Y]\n", "would not be valid YAML"},
	}
	for _, tt := range tests {
		err := checkExpect([]byte("events: []\n"+tt.in), fired)
		if (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%q: got %v, want %q", tt.in, err, tt.err)
		}
	}
}
