package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits a paragraph into sentences. A full stop, question or exclamation mark ends
// one when a space and a capital letter, a digit or an opening quotation mark follow, unless it
// ends an abbreviation of the extraction table ("Jan.", "Gen."), an initial ("J."), or a dotted
// acronym ("U.S.") that is not followed by a capital-led new sentence... which is undecidable;
// "U.S." ends a sentence only at the end of the paragraph.
func (lx *Lexicon) Sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		// Closing quotation marks and brackets belong to the sentence.
		end := i + 1
		for end < len(p) {
			r, size := utf8.DecodeRuneInString(p[end:])
			if r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' {
				end += size
				continue
			}
			break
		}
		if end < len(p) && p[end] != ' ' {
			continue // 5.2, U.S.-led, a URL
		}
		next := strings.TrimLeft(p[end:], " ")
		if next == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(next)
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '(') {
			continue
		}
		if c == '.' && lx.notAnEnd(p[start:i]) {
			continue
		}
		if s := strings.TrimSpace(p[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// notAnEnd says whether the text before a full stop ends with an abbreviation, an initial or a
// dotted acronym.
func (lx *Lexicon) notAnEnd(before string) bool {
	i := len(before)
	for i > 0 && (isWordByte(before[i-1]) || before[i-1] == '.') {
		i--
	}
	w := before[i:]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S, U.N, a.m
		return true
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial: J. Smith
	}
	return lx.listed(strings.ToLower(w), "abbreviation")
}
