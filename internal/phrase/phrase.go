// Package phrase normalises phrases the way the data indexes key them, so that a name, alias
// or item phrase written in a table matches the same words in an event.
package phrase

import (
	"regexp"
	"strings"
)

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// Words splits a phrase into the words that the data indexes are keyed by: lower case, with
// every run of characters other than a-z and 0-9 taken as a space. "KN-23" gives [kn 23].
//
// The rules do the same in Rego (sanctions.lib.words); a test keeps the two in step.
func Words(s string) []string {
	return strings.Fields(nonWord.ReplaceAllString(strings.ToLower(s), " "))
}

// Key is the index key of a phrase: its words joined by single spaces.
func Key(s string) string {
	return strings.Join(Words(s), " ")
}

// Plurals returns the plural forms of a key's last word that the taxonomy index also holds,
// so that the table can be written in the singular.
func Plurals(key string) []string {
	i := strings.LastIndexByte(key, ' ')
	last := key[i+1:]
	if len(last) < 2 || !isLetters(last) {
		return nil
	}
	var out []string
	switch {
	case strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"), strings.HasSuffix(last, "z"),
		strings.HasSuffix(last, "ch"), strings.HasSuffix(last, "sh"):
		out = append(out, key+"es")
	case strings.HasSuffix(last, "y") && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		out = append(out, key[:len(key)-1]+"ies")
	default:
		out = append(out, key+"s")
	}
	return out
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
