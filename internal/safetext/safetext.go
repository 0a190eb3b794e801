// Package safetext says which characters the text of an event may not hold: the control
// characters that would let an input rewrite a terminal (ANSI escapes), hide text in a report,
// or reorder it (Unicode bidirectional overrides, as in "Trojan Source").
package safetext

import "fmt"

// Find returns the first character of s that text may not hold, and false when there is none.
// Tab, line feed and carriage return are allowed.
func Find(s string) (rune, bool) {
	for _, r := range s {
		if Refused(r) {
			return r, true
		}
	}
	return 0, false
}

// Refused reports whether text may not hold r: C0 controls other than tab, line feed and
// carriage return; DEL; C1 controls; the bidirectional embeddings, overrides and isolates
// (U+202A to U+202E, U+2066 to U+2069).
func Refused(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return true
	}
	return false
}

// Problem describes a refused character in a string, for an error message, or "" when s has
// none.
func Problem(s string) string { return problem(s, "text") }

// KeyProblem is Problem for a mapping key.
func KeyProblem(s string) string { return problem(s, "a key") }

func problem(s, what string) string {
	r, found := Find(s)
	if !found {
		return ""
	}
	return fmt.Sprintf("a control character (U+%04X) in %s: refused", r, what)
}
