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
			name:  "block style",
			in:    head + "expect:\n  a:\n    rules:\n      - X\n      - W\n  b:\n    rules: []\n",
			fired: map[string][]string{"a": {"X"}, "b": {}},
			order: []string{"a", "b"},
			want:  head + "expect:\n  a:\n    rules: [X]\n  b:\n    rules: []\n",
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
			name:  "unchanged file stays byte for byte",
			in:    head + "expect:\n  a:   {rules: [ X ,Y ]}\n  b: {rules: []}\n  c: {rules: []}\n",
			fired: map[string][]string{"a": {"X", "Y"}, "b": {}, "c": {}},
			order: []string{"a", "b", "c"},
			want:  head + "expect:\n  a:   {rules: [ X ,Y ]}\n  b: {rules: []}\n  c: {rules: []}\n",
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

func TestUpdateExpectRefusesOtherShapes(t *testing.T) {
	_, err := UpdateExpect([]byte("- id: a\n"), map[string][]string{"a": {}}, []string{"a"})
	if err == nil || !strings.Contains(err.Error(), "events: [...]") {
		t.Errorf("got %v", err)
	}
}
