package yamlvalue

import (
	"testing"

	"gopkg.in/yaml.v3"
)

// TestSyntaxErrorLines pins where syntax errors point, for both kinds of yaml.v3 error.
func TestSyntaxErrorLines(t *testing.T) {
	tests := []struct {
		text string
		line int
	}{
		{"a: 1\nb: [x,\nc: 2\n", 2},    // parser: the unclosed flow sequence
		{"a: 1\nb:\n  - x\n - y\n", 4}, // parser: a bad indentation
		{"a: 1\nb: c: d\n", 2},         // scanner: mapping values not allowed
		{"a: 1\nb:\n\t- x\n", 3},       // scanner: a tab
	}
	for _, tt := range tests {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tt.text), &n)
		if err == nil {
			t.Fatalf("%q parsed", tt.text)
		}
		if line, msg := SyntaxError(err); line != tt.line {
			t.Errorf("%q: line %d (%s), want %d", tt.text, line, msg, tt.line)
		}
	}
}
