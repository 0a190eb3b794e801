package safetext

import "testing"

func TestProblem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pyongyang, 평양", ""},
		{"tab\tand\r\nnew lines", ""},
		{"right-to-left mark \u200f allowed", ""},
		{"\x1b[2J cleared", "a control character (U+001B) in text: refused"},
		{"nul\x00", "a control character (U+0000) in text: refused"},
		{"del\x7f", "a control character (U+007F) in text: refused"},
		{"c1 \u009b", "a control character (U+009B) in text: refused"},
		{"override \u202e", "a control character (U+202E) in text: refused"},
		{"isolate \u2066", "a control character (U+2066) in text: refused"},
	}
	for _, tt := range tests {
		if got := Problem(tt.in); got != tt.want {
			t.Errorf("Problem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
